#!/usr/bin/env bash
# The overlay tests render with `kubectl kustomize`. Installs kubectl with apt when it is absent and we are root.
set -euo pipefail
if command -v kubectl >/dev/null 2>&1; then
  exit 0
fi
if [[ "$(id -u)" != "0" ]]; then
  echo "[deploy] kubectl not found and not root: the overlay tests will fail; install kubectl (it brings kustomize)"
  exit 0
fi
echo "[deploy] installing kubectl (apt) ..."
apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubectl >/dev/null 2>&1 \
  || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null 2>&1 \
  || echo "[deploy] could not install kubectl"

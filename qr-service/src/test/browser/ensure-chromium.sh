#!/usr/bin/env bash
# The patient page is tested in a real headless browser: Debian's chromium and chromium-driver. Installed here,
# by the build, when absent and when this machine can (root with apt-get); otherwise the browser test says why it
# is skipped.
set -uo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[tampon] installing Debian's chromium and chromium-driver for the browser test"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null \
    || echo "[tampon] could not install chromium: the browser test will be skipped"
else
  echo "[tampon] chromium/chromedriver absent and not installable here: the browser test will be skipped"
fi
exit 0

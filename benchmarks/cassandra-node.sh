#!/usr/bin/env bash
# The local Cassandra node's CPU per request at steady request rates, with its timer slack and then with Linux's
# default one (docs/benchmarks.md, "Cassandra's sleep-spinning"). Needs root (CAP_SYS_NICE) for the second half.
#   benchmarks/cassandra-node.sh [rates, comma-separated [seconds per rate]]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -ntp -DskipTests install -pl local-infra/launcher -am
mvn -q -ntp -pl local-infra/launcher exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.tampon.infra.cassandra.CassandraRequestCostProbe -Dexec.args="${1:-1000,1000,0,50,200,1000} ${2:-30}" \
  | grep -E "^\[probe\]"

#!/usr/bin/env bash
# signing-service throughput beside the codec's JMH chain rate, measured in the same run (docs/benchmarks.md).
#   benchmarks/signing-service.sh [results]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-120000}"   # the first half warms the JIT up (-Dbench.warmUp)
mvn -q -ntp -DskipTests install
echo "== JMH: codec chain, one thread =="
mvn -q -ntp -pl benchmarks exec:exec -Djmh.args="SigningChainBenchmark.chainPayloadToHc1 -f 1 -wi 3 -i 5" \
  | grep -E "thrpt"
echo "== signing-service, one consumer thread, broker and node local =="
mvn -q -ntp -pl signing-service exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.tampon.signing.SigningThroughputBenchmark -Dexec.args="$count" \
  -Dtampon.infra.profile=LOCAL_RUN | grep -E "^\[bench\]|^RESULT"

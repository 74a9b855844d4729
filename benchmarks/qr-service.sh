#!/usr/bin/env bash
# qr-service throughput beside ZXing's raw encode rate, measured in the same run (docs/benchmarks.md).
#   benchmarks/qr-service.sh [results]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
mvn -q -ntp -DskipTests install
echo "== JMH: ZXing raw encode (8 masks), Tampon PNG, naive baseline; one thread =="
mvn -q -ntp -pl benchmarks exec:exec -Djmh.args="QrRenderBenchmark -f 1 -wi 3 -i 5" \
  | grep -E "thrpt"
echo "== qr-service, one consumer thread, broker and node local =="
mvn -q -ntp -pl qr-service exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.tampon.qr.QrThroughputBenchmark -Dexec.args="$count" \
  -Dtampon.infra.profile=LOCAL_RUN | grep -E "^\[bench\]|^RESULT"

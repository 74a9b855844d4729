#!/usr/bin/env bash
# signing-service throughput beside the codec's JMH chain rate, measured in the same run (docs/benchmarks.md).
#   benchmarks/signing-service.sh [results [--spring.property=value ...]]
#   PIN=1 benchmarks/signing-service.sh ...   the service and JMH on CPU 1, harness, broker and node on CPU 0
#   TURNS=0 benchmarks/signing-service.sh ... without the chain in turns (below)
#   WARM_UP=0.9 benchmarks/signing-service.sh ...   the share of the backlog drained before the window (default 0.9)
# The JMH chain runs just before and just after the service: on a shared host the same code's CPU cost per op
# drifts by tens of percent within minutes, and the ratio is taken against the mean of the two. Beside it, the same
# chain runs in a JVM of its own in turns with the service (each stopped while the other runs, half a second each):
# both see the same moments of the host, so the drift cancels in that second ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1200000}"  # the first 90 % (WARM_UP) warm the JIT up: with polls of 1,000, code that runs per poll or
                       # per scrape reaches C2 minutes after the start. In three runs in turns its share was 18-51 µs
                       # a pass at 1 minute, mostly 5-15 at 1.5-5.5 and 1-9 after 6.5 (the trajectory lines)
service_cpu=() harness_cpu=() pin_flag=()
if [[ "${PIN:-0}" == 1 ]]; then
  service_cpu=(taskset -c 1) harness_cpu=(taskset -c 0) pin_flag=(-Dbench.serviceCpus=1)
fi
mvn -q -ntp -DskipTests install
dir="$(mktemp -d)"
chain() {  # two forks: on this host one fork's JIT and the hour's noise moved the baseline by ± 20-75 %
  echo "== JMH: codec chain, one thread ($1) =="
  "${service_cpu[@]}" mvn -q -ntp -pl benchmarks exec:exec \
    -Djmh.args="SigningChainBenchmark.chain -f 2 -wi 3 -i 5" | grep -E "thrpt" | tee "$dir/jmh-$1.log"
}
chain before
turns_flag=() chain_pid=""
if [[ "${TURNS:-1}" == 1 ]]; then
  mvn -q -ntp -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$dir/chain.cp"
  # The service's JVM flags (JvmProfile.LOCAL_RUN, 512 MB): the two differ in their code, not their collector.
  "${service_cpu[@]}" java -XX:+UseG1GC -Xms512m -Xmx512m -cp "benchmarks/target/classes:$(cat "$dir/chain.cp")" \
    io.tampon.benchmarks.ChainLoop "$dir/chain.counter" > "$dir/chain.log" 2>&1 &
  chain_pid=$!
  trap 'kill -CONT "$chain_pid" 2>/dev/null; kill "$chain_pid" 2>/dev/null || true' EXIT
  turns_flag=(-Dbench.pairedChain="$dir/chain.counter")
fi
echo "== signing-service (its jar, its own JVM), one consumer thread, broker and node local${chain_pid:+, in turns with the chain}"
"${harness_cpu[@]}" mvn -q -ntp -pl signing-service exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.tampon.signing.SigningThroughputBenchmark -Dexec.args="$count ${*:2}" \
  -Dtampon.infra.profile=LOCAL_RUN -Dbench.warmUp="${WARM_UP:-0.9}" "${pin_flag[@]}" "${turns_flag[@]}" \
  | grep -E "^\[bench\]|^RESULT" \
  | tee "$dir/service.log"
if [[ -n "$chain_pid" ]]; then
  kill "$chain_pid" 2>/dev/null || true
  wait "$chain_pid" 2>/dev/null || true
fi
chain after

# The verdict the issue asks for: passes per CPU-second of the service against the chain's ops/s on one thread, the
# mean of the runs before and after. Against the chain over distinct certificates (as the service signs them), and,
# for comparison, over one certificate signed again and again (the branch predictor's best case).
ops() { awk -v b="SigningChainBenchmark.$2" '$1 == b { print $4 }' "$dir/jmh-$1.log"; }
per_cpu="$(awk '$2 == "signing-service-passes-per-cpu-second" { print $3 }' "$dir/service.log")"
if [[ -z "$per_cpu" ]]; then
  echo "== verdict: the service run gave no rate"; exit 1
fi
for chain in chainDistinctPayloadsToHc1 chainPayloadToHc1; do
  awk -v s="$per_cpu" -v b="$(ops before $chain)" -v a="$(ops after $chain)" -v c="$chain" 'BEGIN {
    printf "== verdict: %.0f passes per CPU-second = %.3f / %.3f of %s before / after, %.3f of their mean%s\n",
      s, s / b, s / a, c, s / ((a + b) / 2), c == "chainDistinctPayloadsToHc1" ? " (goal >= 0.70)" : "" }'
done
in_turns="$(awk '$2 == "chain-in-turns-ops-per-cpu-second" { print $3 }' "$dir/service.log")"
if [[ -n "$in_turns" ]]; then
  awk -v s="$per_cpu" -v c="$in_turns" 'BEGIN {
    printf "== verdict, paired: %.0f passes per CPU-second = %.3f of the chain over distinct certificates run in " \
      "turns with the service (%.0f ops per CPU-second of its JVM) (goal >= 0.70)\n", s, s / c, c }'
fi

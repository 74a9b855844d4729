#!/usr/bin/env bash
# ingest-service under a rising load from 12,000 simulated pharmacies (Gatling), beside the raw Kafka producer rate
# for the same record size measured in the same run (Kafka's ProducerPerformance). Broker local, full JIT.
#   benchmarks/ingest.sh [rate ...]        default steps: 100 250 500 1000 1500 2000 results/s, 60 s each,
#                                          after a 30 s warm-up at 500/s that is not reported
#   BATCH_SIZE=100 benchmarks/ingest.sh [rate ...]   the same in results/s, sent as POST /v1/results/batch of 100
set -euo pipefail
cd "$(dirname "$0")/.."
rates=("$@"); [ ${#rates[@]} -gt 0 ] || rates=(100 250 500 1000 1500 2000)
seconds="${STEP_SECONDS:-60}"
batch="${BATCH_SIZE:-1}"
dir="$PWD/target/bench-ingest"; rm -rf "$dir"; mkdir -p "$dir"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

mvn -q -ntp -DskipTests install
mvn -q -ntp -pl local-infra/launcher dependency:build-classpath -Dmdep.outputFile="$dir/launcher.cp"
java -cp "local-infra/launcher/target/classes:$(cat "$dir/launcher.cp")" io.tampon.infra.LocalInfraMain \
  keeper "$dir/servers" LOCAL_RUN > "$dir/keeper.log" 2>&1 &
pids+=($!)
until [ -f "$dir/servers/infra.properties" ]; do sleep 1; kill -0 "${pids[0]}" || { cat "$dir/keeper.log"; exit 1; }; done
kafka=$(grep kafka.bootstrap-servers "$dir/servers/infra.properties" | cut -d= -f2 | sed 's/\\//g')
echo "== Kafka at $kafka"

mvn -q -ntp -pl load-tests test-compile exec:java -Dexec.mainClass=io.tampon.load.LoadFixtures -Dexec.args="$dir 12000"
mvn -q -ntp -pl load-tests dependency:build-classpath -Dmdep.outputFile="$dir/load.cp" -Dmdep.includeScope=test
echo "== raw baseline: ProducerPerformance, acks=all, idempotent, same payloads"
java -cp "$(cat "$dir/load.cp")" org.apache.kafka.tools.ProducerPerformance --topic tampon.results.v1 \
  --num-records 300000 --throughput -1 --payload-file "$dir/payloads.txt" \
  --producer-props bootstrap.servers="$kafka" acks=all enable.idempotence=true linger.ms=5 batch.size=65536 \
  | tail -1

java -Xmx512m -Dmicronaut.server.port=8091 -Dtampon.kafka.bootstrap-servers="$kafka" \
  -Dtampon.cassandra.contact-point="$(grep cassandra.host "$dir/servers/infra.properties" | cut -d= -f2):$(grep cassandra.port "$dir/servers/infra.properties" | cut -d= -f2)" \
  -Dtampon.ingest.api-keys-file="$dir/api-keys.txt" -Dtampon.ingest.rate-per-second=1000 \
  -Dlogger.levels.root=WARN -jar ingest-service/target/tampon-ingest-service-0.1.0-SNAPSHOT.jar > "$dir/ingest.log" 2>&1 &
pids+=($!)
until curl -sf localhost:8091/health/readiness > /dev/null; do sleep 1; done
echo "== ingest-service ready; warm-up (30 s at 500/s, not reported), then Gatling steps ($seconds s each)"
mvn -q -ntp -pl load-tests gatling:test -Dgatling.simulationClass=io.tampon.load.IngestSimulation \
  -DbaseUrl=http://127.0.0.1:8091 -Drate=500 -Dduration=30 -DbatchSize="$batch" > "$dir/gatling-warmup.log" 2>&1 || true
for rate in "${rates[@]}"; do
  mvn -q -ntp -pl load-tests gatling:test -Dgatling.simulationClass=io.tampon.load.IngestSimulation \
    -DbaseUrl=http://127.0.0.1:8091 -Drate="$rate" -Dduration="$seconds" -DbatchSize="$batch" > "$dir/gatling-$rate.log" 2>&1 || true
  echo "-- $rate results/s offered (batches of $batch):"
  sed -n '/Global Information/,/KO /p' "$dir/gatling-$rate.log" \
    | grep -E "request count|mean throughput|50th|95th|99th|max response|KO" | head -8
done
echo "reports: load-tests/target/gatling/"

package io.tampon.system.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw rates a load run is compared with, measured in the same run on the same machine: Kafka's producer
 * performance tool on the run's broker (records of the results' size, acks=all, idempotent), and the JMH rates of
 * the slowest stages' raw work — the codec chain (payload → HC1) and ZXing's raw QR encode — each on one thread.
 */
final class RawBaselines {

    private static final Pattern PRODUCER = Pattern.compile("([\\d.]+) records/sec");
    private static final Pattern JMH = Pattern.compile("(\\w+Benchmark)\\.(\\w+)\\s+thrpt\\s+\\d+\\s+([\\d.,]+)");

    private RawBaselines() {
    }

    /** ProducerPerformance against a scratch topic of the run's broker; records/s, or null if it failed. */
    static Double producer(Path root, String bootstrap, String topic, Path log)
            throws IOException, InterruptedException {
        String output = run(root, log, "mvn", "-B", "-q", "-ntp", "-pl", "load-tests", "exec:java",
                "-Dexec.classpathScope=test", "-Dexec.mainClass=org.apache.kafka.tools.ProducerPerformance",
                "-Dexec.args=--topic " + topic + " --num-records 200000 --throughput -1 --record-size 520"
                        + " --producer-props bootstrap.servers=" + bootstrap
                        + " acks=all enable.idempotence=true linger.ms=5 batch.size=65536");
        Matcher matcher = PRODUCER.matcher(output);
        Double last = null;
        while (matcher.find()) {
            last = Double.parseDouble(matcher.group(1));
        }
        return last;
    }

    /** The codec chain and ZXing raw encode, ops/s on one thread (short JMH runs: indicative, one fork). */
    static Map<String, Double> jmh(Path root, Path log) throws IOException, InterruptedException {
        String output = run(root, log, "mvn", "-B", "-q", "-ntp", "-pl", "benchmarks", "exec:exec",
                "-Djmh.args=SigningChainBenchmark.chainPayloadToHc1|QrRenderBenchmark.zxingRawEncode"
                        + " -f 1 -wi 2 -i 3 -w 2s -r 3s");
        Map<String, Double> rates = new LinkedHashMap<>();
        Matcher matcher = JMH.matcher(output);
        while (matcher.find()) {
            rates.put(matcher.group(1) + "." + matcher.group(2), Double.parseDouble(matcher.group(3)
                    .replace(",", "")));
        }
        return rates;
    }

    private static String run(Path root, Path log, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return Files.readString(log);
    }
}

package io.tampon.signing;

import io.tampon.contracts.Topics;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.contracts.events.TestKind;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.kafka.KafkaTestClient;
import io.tampon.infra.process.ChildJvm;
import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import io.tampon.infra.process.TakingTurns;
import io.tampon.infra.process.ThreadCpu;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passes signed per second by one signing-service consumer thread, the broker and node local: N results are put on
 * the topic first (a backlog, as after a spike), then the service — its jar, in a JVM of its own — drains them. The rate is measured from
 * {@code -Dbench.warmUp} (90 %) of the backlog to its end, once the JIT has warmed up, with the CPU the service used
 * meanwhile, by kind of thread (passes per CPU-second: the rate per core). Run on purpose: benchmarks/signing-service.sh.
 * Arguments: {@code [results] [--extra.spring.argument=value ...]} to tune the service under test.
 */
public final class SigningThroughputBenchmark {

    private SigningThroughputBenchmark() {
    }

    /**
     * Share of the backlog drained before the measurement starts. The JIT's share dies away over minutes, not
     * passes: code that runs per poll or per scrape (a few times a second) reaches C2 long after the chain has. In
     * three runs in turns it took 18-51 µs a pass at 1 minute, mostly 5-15 at 1.5-5.5 minutes and 1-9 after 6.5
     * (the trajectory lines; docs/benchmarks.md).
     */
    private static final double WARM_UP = Double.parseDouble(System.getProperty("bench.warmUp", "0.9"));

    /** Extra JVM flags for the service, space-separated (e.g. a garbage collector to compare). */
    private static final String JVM_FLAGS = System.getProperty("bench.jvmFlags", "");

    /**
     * CPUs to pin the service to (taskset list, e.g. {@code 1}), empty for none. With the harness, broker and node on
     * the other CPU, the service's core is its own, as in production where they run on other machines.
     */
    private static final String SERVICE_CPUS = System.getProperty("bench.serviceCpus", "");

    /**
     * The counter file of the codec's chain running in a process of its own ({@code ChainLoop}), empty for none. With
     * it, the service and the chain run in turn, half a second each, from the service's start to the end of the
     * drain, and the chain's rate per core over the same window is the paired baseline.
     */
    private static final String PAIRED_CHAIN = System.getProperty("bench.pairedChain", "");

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_200_000;
        LocalInfrastructure infra = LocalInfrastructure.shared();
        int port = FreePorts.next();
        JsonMapper json = JsonMapper.builder().build();
        Set<String> keys = new HashSet<>();
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            Map<String, byte[]> backlog = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                ResultReceived result = SigningServiceIT.result(UUID.randomUUID(), TestKind.RAPID_ANTIGEN, "1232");
                keys.add(result.resultId().toString());
                backlog.put(result.resultId().toString(), json.writeValueAsBytes(result));
            }
            kafka.sendAll(Topics.RESULTS.name(), backlog);
            System.out.printf("[bench] %d results on %s%n", count, Topics.RESULTS.name());

            List<String> arguments = Stream.concat(Arrays.stream(infra.serviceArguments(Map.of(
                    "spring.kafka.consumer.group-id", "bench-" + UUID.randomUUID(),
                    "spring.kafka.listener.concurrency", "1",
                    "tampon.signing.keys.keystore",
                    Files.createTempDirectory("bench-keys").resolve("keystore.p12").toString(),
                    "logging.level.root", "WARN",
                    "server.port", String.valueOf(port)))), Arrays.stream(args).skip(1)).toList();
            ScheduledExecutorService prometheus = Executors.newSingleThreadScheduledExecutor();
            PairedChain chain = PAIRED_CHAIN.isBlank() ? null
                    : PairedChain.attach(Path.of(PAIRED_CHAIN), Duration.ofMinutes(1));
            try (ChildJvm service = startService(arguments);
                 TakingTurns turns = chain == null ? null
                         : TakingTurns.start(service.pid(), chain.pid(), Duration.ofMillis(500))) {
                ThreadCpu cpu = new ThreadCpu(service.pid(), SigningThroughputBenchmark::kindOfThread);
                Trajectory trajectory = new Trajectory();
                // Scraped every 15 s from the start, as the ServiceMonitor in deploy/ has Prometheus do. Without it
                // the window's first reading of the sign timer was the service's first scrape: the classes it loaded
                // made the JIT throw away the compiled chain (class-hierarchy deoptimization) just as the window
                // began, and recompiling it cost ~50 µs a pass in the window.
                prometheus.scheduleAtFixedRate(() -> trajectory.add(signTimer(port)[0], cpu.read()), 0, 15,
                        TimeUnit.SECONDS);
                // The service's own timer of the chain, read with the CPU at the window's start and end.
                List<double[]> signTimer = new ArrayList<>();
                List<long[]> chainReadings = new ArrayList<>();
                KafkaTestClient.Drain drain = kafka.measureDrain(Topics.PASSES_SIGNED.name(), keys, WARM_UP,
                        Duration.ofMinutes(chain == null ? 15 : 30), () -> {
                            signTimer.add(signTimer(port));
                            if (chain != null) {
                                chainReadings.add(chain.read());
                            }
                            return cpu.read();
                        });
                service.requireAlive();
                trajectory.print();
                System.out.printf("[bench] signing-service, 1 consumer thread: %d passes after warm-up in %.1f s = "
                        + "%.0f passes/s%s%n", drain.records(), drain.seconds(), drain.perSecond(),
                        chain == null ? "" : " (running half the time: in turns with the chain)");
                System.out.printf("RESULT signing-service-passes-per-second %.0f%n", drain.perSecond());
                double[] end = signTimer.get(signTimer.size() - 1);
                double[] start = signTimer.get(signTimer.size() - 2);
                System.out.printf("[bench] the chain inside the service (its tampon.signing.sign timer, wall time): "
                        + "%.1f µs per pass over the window%s%n", (end[1] - start[1]) * 1e6 / (end[0] - start[0]),
                        chain == null ? "" : " (not the chain's cost in turns: a stop may fall inside a signature)");
                System.out.printf("[bench] the service used %.2f cores meanwhile: %.0f passes per CPU-second%n",
                        drain.coresUsed(), drain.perCpuSecond());
                drain.cpu().nanosByKind().forEach((kind, nanos) -> System.out.printf(
                        "[bench]   %-22s %6.1f µs per pass (%4.1f %%), of which %5.1f µs in the kernel%n", kind,
                        nanos / 1e3 / drain.records(), 100.0 * nanos / drain.cpu().totalNanos(),
                        drain.cpu().kernelNanosByKind().getOrDefault(kind, 0L) / 1e3 / drain.records()));
                System.out.printf("RESULT signing-service-passes-per-cpu-second %.0f%n", drain.perCpuSecond());
                if (chain != null) {
                    long[] first = chainReadings.get(chainReadings.size() - 2);
                    long[] last = chainReadings.get(chainReadings.size() - 1);
                    double perCpuSecond = (last[0] - first[0]) / ((last[1] - first[1]) / 1e9);
                    System.out.printf("[bench] the chain, in turns with the service over the same window: %d ops in "
                            + "%.1f CPU-seconds = %.0f ops per CPU-second (%d turns in all)%n", last[0] - first[0],
                            (last[1] - first[1]) / 1e9, perCpuSecond, turns.turns());
                    System.out.printf("RESULT chain-in-turns-ops-per-cpu-second %.0f%n", perCpuSecond);
                }
            } finally {
                prometheus.shutdownNow();
            }
        }
        System.exit(0);
    }

    /**
     * The service's CPU per pass in each 15-second interval of the run, by kind of thread: whether the JIT's share
     * dies away as the run goes on (warm-up) or stays (work the service does per second, not per pass).
     */
    private static final class Trajectory {

        private record Point(long nanos, double passes, ThreadCpu.Reading cpu) {
        }

        private final List<Point> readings = new ArrayList<>();

        synchronized void add(double passes, ThreadCpu.Reading cpu) {
            if (!Double.isNaN(passes)) {
                readings.add(new Point(System.nanoTime(), passes, cpu));
            }
        }

        synchronized void print() {
            for (int i = 1; i < readings.size(); i++) {
                Point from = readings.get(i - 1);
                Point to = readings.get(i);
                double passes = to.passes() - from.passes();
                if (passes <= 0) {
                    continue;
                }
                ThreadCpu.Reading used = to.cpu().since(from.cpu());
                StringBuilder line = new StringBuilder(String.format("[bench] trajectory %5.0f s %8.0f passes "
                        + "%6.1f µs a pass:", (to.nanos() - readings.get(0).nanos()) / 1e9, to.passes(),
                        used.totalNanos() / 1e3 / passes));
                used.nanosByKind().forEach((kind, nanos) -> line.append(String.format(" %s %.1f", kind,
                        nanos / 1e3 / passes)));
                System.out.println(line);
            }
        }
    }

    /** Count and total seconds of the service's sign timer, from its Prometheus endpoint. */
    private static double[] signTimer(int port) {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double[] countAndSum = new double[2];
            for (String line : metrics.split("\n")) {
                if (line.startsWith("tampon_signing_sign_seconds_count{")) {
                    countAndSum[0] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("tampon_signing_sign_seconds_sum{")) {
                    countAndSum[1] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return countAndSum;
        } catch (IOException e) {
            // Not up yet: the first reading is taken as the service starts; only the window's two are used.
            return new double[] {Double.NaN, Double.NaN};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service as deployed: its own JVM from its jar, full JIT, so its CPU is its own. */
    private static ChildJvm startService(List<String> arguments) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("bench.jar",
                "signing-service/target/tampon-signing-service-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        String mainClass;
        try (JarFile boot = new JarFile(jar.toFile())) {
            mainClass = boot.getManifest().getMainAttributes().getValue("Main-Class");
        }
        Path dir = Files.createTempDirectory("bench-signing");
        List<String> flags = new ArrayList<>(JvmProfile.LOCAL_RUN.flags("512m"));
        Arrays.stream(JVM_FLAGS.split(" ")).filter(flag -> !flag.isBlank()).forEach(flags::add);
        System.out.printf("[bench] service JVM: %s%n", flags);
        ChildJvm service = ChildJvm.start("signing-service", List.of(jar.toString()),
                Files.write(dir.resolve("jvm.args"), flags), mainClass, arguments, dir.resolve("signing-service.log"));
        if (!SERVICE_CPUS.isBlank()) {
            // Every thread that exists now; threads started later inherit the mask from their (pinned) creator.
            Process pin = new ProcessBuilder("taskset", "-a", "-p", "-c", SERVICE_CPUS, String.valueOf(service.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (pin.waitFor() != 0) {
                service.close();
                throw new IllegalStateException("taskset could not pin the service to CPUs " + SERVICE_CPUS);
            }
            System.out.printf("[bench] service pinned to CPU(s) %s%n", SERVICE_CPUS);
        }
        return service;
    }

    private static String kindOfThread(String name) {
        if (name.startsWith("signing-servic")) {
            return "listener";
        }
        if (name.startsWith("kafka-producer")) {
            return "Kafka producer I/O";
        }
        if (name.startsWith("s0-")) {
            return "Cassandra driver";
        }
        return name.startsWith("kafka-") ? "Kafka consumer" : null;
    }
}

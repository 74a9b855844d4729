package io.tampon.system.load;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.infra.ServerSet;
import io.tampon.infra.cassandra.CassandraNode;
import io.tampon.infra.sms.SmsMessage;
import io.tampon.stage.ResultStageRepository;
import io.tampon.stage.ResultStatus;
import io.tampon.stage.Stage;
import io.tampon.system.demo.DemoPharmacies;
import io.tampon.system.demo.DemoReport;
import io.tampon.system.demo.StageTracker;
import io.tampon.system.monitor.ConsumerLag;
import io.tampon.system.monitor.LagMonitor;
import io.tampon.system.monitor.LagMonitor.Sample;
import io.tampon.system.run.LocalSystem;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code ./tampon load <steady|spike|spike-kill> [capacity]}: starts the whole system on fresh data, runs the
 * Gatling profile against it with the lag monitor alongside, kills and restarts signing-service when the scenario
 * says so, waits for the pipeline to drain, checks that every accepted result was notified exactly once, and writes
 * {@code summary.json} and {@code report.html} to {@code target/load-reports/<scenario>-<time>/}.
 */
public final class LoadRun {

    static final int PHARMACIES = 12_000;
    /** As in production (KEDA minReplicaCount 2): the kill scenario kills one of them. */
    static final int SIGNING_REPLICAS = 2;
    private static final Duration DRAIN_PATIENCE = Duration.ofMinutes(30);

    private final Path root;
    private final PrintStream out;

    LoadRun(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("tampon.project.root", ".")).toAbsolutePath().normalize();
        String name = args.length > 0 ? args[0] : "steady";
        double capacity = args.length > 1 ? Double.parseDouble(args[1]) : 40;
        new LoadRun(root, System.out).run(LoadScenario.named(name, capacity));
        System.exit(0);
    }

    void run(LoadScenario scenario) throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path report = Files.createDirectories(root.resolve("target/load-reports/" + scenario.name() + "-" + stamp));
        Path data = root.resolve("target/load-data/" + stamp);
        out.printf("[load] %s: %.0f results/s baseline, x%.0f spike for %d s, ~%d results; report in %s%n",
                scenario.name(), scenario.baseline(), scenario.multiplier(), scenario.spikeSeconds(),
                scenario.expectedResults(), report);
        Map<String, Object> summary;
        List<Sample> samples;
        Map<String, Object> raw = new LinkedHashMap<>();
        try (LocalSystem system = LocalSystem.start(new LocalSystem.Options(root, data, false, PHARMACIES, false,
                SIGNING_REPLICAS), out);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     system.servers().kafka().bootstrapServers()));
             LagMonitor monitor = new LagMonitor(new ConsumerLag(admin), ConsumerLag.PIPELINE, out).start();
             CqlSession cql = CassandraNode.newSession(system.servers().cassandra().contactPoint(),
                     ServerSet.KEYSPACE)) {
            double loadStartedAt = monitor.elapsed();
            Map<String, Object> kill = new LinkedHashMap<>();
            Thread killer = killer(system, scenario, kill, monitor);
            Process gatling = gatling(system.url("ingest-service"), scenario, report);
            if (!gatling.waitFor((long) scenario.totalSeconds() + 600, TimeUnit.SECONDS)) {
                gatling.destroyForcibly();
                throw new IllegalStateException("Gatling did not finish; see " + report.resolve("gatling.log"));
            }
            killer.join(Duration.ofMinutes(5).toMillis());
            double spikeEnd = loadStartedAt + scenario.spikeEndsAt();
            double drainedAt = awaitDrain(monitor, admin);
            out.printf("[load] drained %.0f s after the spike ended%n", drainedAt - spikeEnd);

            List<UUID> accepted = Files.readAllLines(report.resolve("gatling-out/accepted-ids.txt")).stream()
                    .filter(l -> !l.isBlank()).map(UUID::fromString).toList();
            StageTracker tracker = new StageTracker(new ResultStageRepository(cql, ConsistencyLevel.ONE), accepted);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!tracker.allEnded() && System.nanoTime() < deadline) {
                tracker.poll();
                if (!tracker.allEnded()) {
                    TimeUnit.SECONDS.sleep(2);
                }
            }
            summary = summary(scenario, report, monitor.samples(), loadStartedAt, spikeEnd, drainedAt, tracker,
                    system, kill);
            samples = monitor.samples();
            monitor.close();
            out.println("[load] raw baseline: Kafka ProducerPerformance on this broker ...");
            admin.createTopics(List.of(new NewTopic("tampon.load-baseline", 12, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
            raw.put("kafkaProducerRecordsPerSecond", RawBaselines.producer(root,
                    system.servers().kafka().bootstrapServers(), "tampon.load-baseline",
                    report.resolve("baseline-producer.log")));
        }
        out.println("[load] raw baselines: JMH codec chain and ZXing raw encode (the system is stopped) ...");
        Map<String, Double> jmh = RawBaselines.jmh(root, report.resolve("baseline-jmh.log"));
        raw.putAll(jmh);
        summary.put("rawBaselines", raw);
        double slowestRaw = jmh.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double wholeRun = drainRate(samples, 0);
        summary.put("pipelineDrainPerSecondWholeRun", wholeRun);
        summary.put("drainOverSlowestRawStageWholeRun", wholeRun / slowestRaw);
        // The goal's drain is the backlog being worked off: from the end of the spike. During the spike the workers
        // yield the CPU to the edge by design (see LocalService#niceness), so they build the backlog, not drain it.
        double drain = drainRate(samples, (Double) summary.get("spikeEndSecond"));
        summary.put("pipelineDrainPerSecond", drain);
        summary.put("drainOverSlowestRawStage", drain / slowestRaw);
        summary.put("goals", goals(summary, drain / slowestRaw));
        LoadReport result = new LoadReport(scenario.name(), summary, samples,
                "gatling/" + gatlingReportDir(report.resolve("gatling")) + "/index.html");
        Files.writeString(report.resolve("summary.json"), result.json());
        Files.writeString(report.resolve("report.html"), result.html());
        out.println("[load] summary: " + result.json());
        out.println("[load] report: " + report.resolve("report.html"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> goals(Map<String, Object> summary, double drainRatio) {
        Map<String, Object> ingest = (Map<String, Object>) summary.get("ingest");
        Map<String, Object> check = (Map<String, Object>) summary.get("check");
        Map<String, Object> kill = (Map<String, Object>) summary.get("signingKill");
        Object resume = kill == null ? null : kill.get("signingProgressAfterRestartSeconds");
        return LoadGoals.judge(LoadGoals.statuses(String.valueOf(ingest.get("responsesByStatus"))),
                (Double) ingest.get("p99ms"), Boolean.TRUE.equals(check.get("passed")), drainRatio,
                resume instanceof Double seconds ? seconds : null);
    }

    /**
     * How fast the pipeline works off a backlog: for each stage, its mean committed records/s over the seconds its
     * lag exceeded 100 records (it had work waiting); the pipeline drains at the slowest of them.
     */
    static double drainRate(List<Sample> samples, double fromSecond) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Sample sample : samples) {
            if (sample.second() < fromSecond) {
                continue;
            }
            sample.lag().forEach((stage, lag) -> {
                if (lag > 100) {
                    double[] sum = sums.computeIfAbsent(stage, k -> new double[2]);
                    sum[0] += sample.perSecond().get(stage);
                    sum[1]++;
                }
            });
        }
        return sums.values().stream().mapToDouble(s -> s[0] / s[1]).min().orElse(Double.NaN);
    }

    private Process gatling(String ingestUrl, LoadScenario scenario, Path report) throws IOException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-ntp", "-pl", "load-tests",
                "gatling:test", "-Dgatling.simulationClass=io.tampon.load.PipelineSimulation",
                "-Dgatling.resultsFolder=" + report.resolve("gatling"), "-DbaseUrl=" + ingestUrl,
                "-Dpharmacies=" + PHARMACIES, "-DkeyFormat=" + DemoPharmacies.keyFormat(PHARMACIES),
                "-DoutDir=" + report.resolve("gatling-out")));
        scenario.simulationProperties().forEach((k, v) -> command.add("-D" + k + "=" + v));
        return new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(report.resolve("gatling.log").toFile()).start();
    }

    private Thread killer(LocalSystem system, LoadScenario scenario, Map<String, Object> kill, LagMonitor monitor) {
        Thread thread = new Thread(() -> {
            if (scenario.killSigningAt() < 0) {
                return;
            }
            try {
                TimeUnit.SECONDS.sleep(scenario.killSigningAt());
                out.println("[load] SIGKILL signing-service");
                system.kill("signing-service");
                kill.put("killedAtSecond", scenario.killSigningAt());
                kill.put("killAtMonitorSecond", monitor.elapsed());
                TimeUnit.SECONDS.sleep(scenario.restartAfter());
                long restart = System.nanoTime();
                kill.put("restartCommandAtMonitorSecond", monitor.elapsed());
                out.println("[load] restarting signing-service");
                system.restart("signing-service", root);
                kill.put("restartToReadySeconds", (System.nanoTime() - restart) / 1e9);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tampon-load-killer");
        thread.start();
        return thread;
    }

    /** Waits until every group's lag has been zero for three seconds; returns the monitor time it first was. */
    private static double awaitDrain(LagMonitor monitor, Admin admin) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_PATIENCE.toNanos();
        ConsumerLag lag = new ConsumerLag(admin);
        double zeroSince = -1;
        while (System.nanoTime() < deadline) {
            long total = ConsumerLag.total(lag.read(ConsumerLag.PIPELINE));
            double now = monitor.elapsed();
            if (total == 0) {
                zeroSince = zeroSince < 0 ? now : zeroSince;
                if (now - zeroSince >= 3) {
                    return zeroSince;
                }
            } else {
                zeroSince = -1;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return Double.NaN;
    }

    private Map<String, Object> summary(LoadScenario scenario, Path report, List<Sample> samples, double start,
                                        double spikeEnd, double drainedAt, StageTracker tracker, LocalSystem system,
                                        Map<String, Object> kill) throws IOException, MessagingException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", scenario.name());
        summary.put("profile", Map.of("baselinePerSecond", scenario.baseline(), "spikeMultiplier",
                scenario.multiplier(), "spikeSeconds", scenario.spikeSeconds(), "totalSeconds",
                scenario.totalSeconds()));
        String console = Files.readString(report.resolve("gatling.log"));
        Map<String, Double> stats = GatlingStats.parse(console);
        Map<String, Object> ingest = new LinkedHashMap<>();
        ingest.put("requests", stats.get("request count"));
        ingest.put("failedRequests", stats.get("request count") == null ? null
                : failed(console));
        ingest.put("meanRequestsPerSecond", stats.getOrDefault("mean throughput", stats.get("mean requests/sec")));
        ingest.put("p50ms", stats.get("response time 50th percentile"));
        ingest.put("p75ms", stats.get("response time 75th percentile"));
        ingest.put("p95ms", stats.get("response time 95th percentile"));
        ingest.put("p99ms", stats.get("response time 99th percentile"));
        ingest.put("maxMs", stats.get("max response time"));
        ingest.put("responsesByStatus", Files.readString(report.resolve("gatling-out/outcome.json")));
        summary.put("ingest", ingest);
        Map<String, Object> peakLag = new LinkedHashMap<>();
        Map<String, Object> peakRate = new LinkedHashMap<>();
        for (Sample sample : samples) {
            sample.lag().forEach((stage, lag) -> peakLag.merge(stage, lag, (a, b) -> Math.max((Long) a, (Long) b)));
            sample.perSecond().forEach((stage, rate) -> peakRate.merge(stage, rate,
                    (a, b) -> Math.max((Double) a, (Double) b)));
        }
        summary.put("peakLag", peakLag);
        summary.put("peakRecordsPerSecond", peakRate);
        summary.put("spikeEndSecond", spikeEnd);
        summary.put("drainSecondsAfterSpike", drainedAt - spikeEnd);
        double drainWindow = drainedAt - start;
        summary.put("acceptedPerSecondOverRun", samples.isEmpty() ? 0.0
                : samples.get(samples.size() - 1).accepted() / Math.max(1, drainWindow));
        List<ResultStatus> statuses = tracker.statuses();
        DemoReport stages = new DemoReport(List.of(), statuses, tracker.counts());
        List<Duration> latencies = stages.endToEndLatencies();
        summary.put("endToEnd", Map.of("p50ms", DemoReport.percentile(latencies, 50).toMillis(),
                "p99ms", DemoReport.percentile(latencies, 99).toMillis(),
                "maxMs", DemoReport.percentile(latencies, 100).toMillis()));
        summary.put("stageRatesFromTimestamps", Map.of("signed", stages.rate(ResultStatus::signedAt),
                "issued", stages.rate(ResultStatus::issuedAt), "notified", stages.rate(ResultStatus::notifiedAt)));
        summary.put("check", check(tracker, system));
        if (kill.get("restartCommandAtMonitorSecond") instanceof Double restartAt) {
            // The drain resumes when the signing group commits again after the restart command.
            samples.stream().filter(s -> s.second() > restartAt && s.perSecond().getOrDefault("sign", 0.0) > 0)
                    .findFirst().ifPresent(s -> kill.put("signingProgressAfterRestartSeconds", s.second() - restartAt));
        }
        if (kill.get("killAtMonitorSecond") instanceof Double killedAt) {
            kill.put("signingReplicas", SIGNING_REPLICAS);
            kill.put("signingLongestStallSeconds", longestStall(samples, killedAt));
        }
        if (!kill.isEmpty()) {
            summary.put("signingKill", kill);
        }
        return summary;
    }

    /**
     * The longest time after the kill during which results waited for signing (lag > 0) and none was signed: with a
     * second replica, the session timeout until it takes the dead one's partitions; with one, the whole restart.
     */
    static double longestStall(List<LagMonitor.Sample> samples, double from) {
        double longest = 0;
        Double stalledSince = null;
        for (LagMonitor.Sample sample : samples) {
            if (sample.second() < from) {
                continue;
            }
            boolean waiting = sample.lag().getOrDefault("sign", 0L) > 0;
            boolean progressing = sample.perSecond().getOrDefault("sign", 0.0) > 0;
            if (waiting && !progressing) {
                stalledSince = stalledSince == null ? sample.second() : stalledSince;
                longest = Math.max(longest, sample.second() - stalledSince + 1);
            } else {
                stalledSince = null;
            }
        }
        return longest;
    }

    /** The KO column of Gatling's request count (failed checks: any status other than the expected one). */
    private static Double failed(String console) {
        var matcher = java.util.regex.Pattern.compile("> request count\\s*\\|\\s*[\\d,]+\\s*\\|\\s*[\\d,]+\\s*\\|"
                + "\\s*([\\d,]+)").matcher(console.substring(Math.max(0, console.lastIndexOf("Global Information"))));
        return matcher.find() ? Double.parseDouble(matcher.group(1).replace(",", "")) : null;
    }

    /** Every accepted result notified, none lost, nobody told twice on a channel. */
    private static Map<String, Object> check(StageTracker tracker, LocalSystem system) throws MessagingException {
        var counts = tracker.counts();
        Map<String, Integer> byRecipient = new HashMap<>();
        for (MimeMessage message : system.mail().received()) {
            for (Address to : message.getAllRecipients()) {
                byRecipient.merge(to.toString(), 1, Integer::sum);
            }
        }
        int emails = byRecipient.size();
        for (SmsMessage sms : system.sms().received()) {
            byRecipient.merge(sms.to(), 1, Integer::sum);
        }
        long toldTwice = byRecipient.values().stream().filter(n -> n > 1).count();
        long failed = tracker.statuses().stream().filter(s -> s.stage() == Stage.FAILED).count();
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("acceptedDistinct", counts.total());
        check.put("withAStageRow", counts.received());
        check.put("notified", counts.notified());
        check.put("failed", failed);
        check.put("lost", counts.total() - counts.notified() - failed);
        check.put("emailRecipients", emails);
        check.put("smsRecipients", byRecipient.size() - emails);
        check.put("recipientsToldTwice", toldTwice);
        check.put("passed", counts.notified() == counts.total() && toldTwice == 0);
        return check;
    }

    private static String gatlingReportDir(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return "missing";
        }
        try (var dirs = Files.list(results)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .reduce((a, b) -> b).orElse("missing");
        }
    }
}

package io.tampon.system.run;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.contracts.TopicDeclaration;
import io.tampon.contracts.Topics;
import io.tampon.infra.ServerSet;
import io.tampon.infra.cassandra.CassandraNode;
import io.tampon.stage.ResultStageRepository;
import io.tampon.system.demo.Demo;
import io.tampon.system.demo.DemoPharmacies;
import io.tampon.system.demo.SampleResults;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./tampon run} and {@code ./tampon demo [N]}: starts the {@link LocalSystem}, says where everything is and
 * what to try, optionally runs the demo, and keeps everything up until Ctrl-C, which stops it all.
 */
public final class LocalRun {

    static final int DEMO_PHARMACIES = 100;

    private final Path projectRoot;
    private final Path dataDir;
    private final PrintStream out;

    public LocalRun(Path projectRoot, Path dataDir, PrintStream out) {
        this.projectRoot = projectRoot;
        this.dataDir = dataDir;
        this.out = out;
    }

    /** @param demoResults how many sample results the demo posts; 0 for no demo */
    public void runUntilInterrupted(int demoResults) throws InterruptedException {
        long started = System.nanoTime();
        LocalSystem system = LocalSystem.start(new LocalSystem.Options(projectRoot, dataDir, true, DEMO_PHARMACIES, true),
                out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("[tampon] stopping ...");
            system.close();
            out.println("[tampon] stopped");
        }, "tampon-local-stop"));
        out.printf("%n[tampon] ready in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        describe(system);
        if (demoResults > 0) {
            demo(system, demoResults);
        }
        out.println("[tampon] Ctrl-C stops everything.");
        new CountDownLatch(1).await();
    }

    private void describe(LocalSystem system) {
        ServerSet servers = system.servers();
        out.println("  Kafka (KRaft)        " + servers.kafka().bootstrapServers() + "   log: "
                + servers.kafka().process().logFile());
        for (TopicDeclaration topic : Topics.all()) {
            out.printf("    topic %-32s %2d partitions%n", topic.name(), topic.partitions());
        }
        out.println("  Cassandra (CQL)      " + contactPoint(servers) + "   keyspace " + ServerSet.KEYSPACE
                + "   log: " + servers.cassandra().process().logFile());
        out.println("  SMTP sink            127.0.0.1:" + system.mail().smtpPort() + "   every email as .eml: "
                + system.inbox().orElseThrow().mailDir());
        out.println("  SMS gateway stand-in " + system.sms().url() + "   every SMS as .txt: "
                + system.inbox().orElseThrow().smsDir());
        for (LocalServiceProcess service : system.services()) {
            out.printf("  %-20s %s   log: %s%n", service.service().name(), service.url(),
                    service.process().logFile());
        }
        String ingest = system.url("ingest-service");
        out.println();
        out.println("Post a result as the development pharmacy:");
        out.println("  curl -si " + ingest + "/v1/results -H 'Authorization: Bearer "
                + DemoPharmacies.DEV.apiKey() + "' -H 'Content-Type: application/json' -d '{"
                + "\"externalRef\":\"A-0001\",\"sampleCollectedAt\":\"" + Instant.now().minusSeconds(1800)
                .truncatedTo(ChronoUnit.SECONDS) + "\",\"testType\":\"RAPID_ANTIGEN\","
                + "\"deviceId\":\"1232\",\"result\":\"NEGATIVE\",\"testCentre\":\"Pharmacie des Lilas\","
                + "\"patient\":{\"familyName\":\"Lefèvre-Dupont\",\"givenName\":\"Amélie\","
                + "\"dateOfBirth\":\"1984-03-07\",\"mobile\":\"+33612345678\",\"email\":\"amelie@example.org\","
                + "\"language\":\"fr\"}}'");
        out.println("Then:");
        out.println("  status       curl -s " + ingest + "/v1/results/<resultId> -H 'Authorization: Bearer "
                + DemoPharmacies.DEV.apiKey() + "'");
        out.println("  email + SMS  " + system.inbox().orElseThrow().mailDir().getParent() + "   (the SMS holds the patient's"
                + " link: " + system.url("qr-service") + "/p/<token>)");
        out.println("  trust list   curl -s " + system.url("signing-service") + "/trust-list");
        out.println("  API          " + ingest + "/openapi/tampon-pharmacy-api-1.yml");
        out.println();
    }

    private void demo(LocalSystem system, int results) throws InterruptedException {
        ServerSet servers = system.servers();
        try (CqlSession cql = CassandraNode.newSession(servers.cassandra().contactPoint(), ServerSet.KEYSPACE)) {
            var samples = SampleResults.generate(SampleResults.Mix.validOnly(results),
                    DemoPharmacies.all(DEMO_PHARMACIES), Long.toString(System.currentTimeMillis(), 36).toUpperCase(),
                    Instant.now(), System.nanoTime());
            new Demo(system.url("ingest-service"), new ResultStageRepository(cql, ConsistencyLevel.ONE), out)
                    .run(samples, Duration.ofMinutes(15));
            out.println("[demo] the emails and SMS are in " + system.inbox().orElseThrow().mailDir().getParent());
        }
    }

    private static String contactPoint(ServerSet servers) {
        return servers.cassandra().contactPoint().getHostString() + ":" + servers.cassandra().contactPoint()
                .getPort();
    }
}

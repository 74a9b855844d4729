package io.tampon.infra.run;

import io.tampon.contracts.TopicDeclaration;
import io.tampon.contracts.Topics;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.ServerSet;
import io.tampon.infra.mail.MailSink;
import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import io.tampon.infra.sms.SmsGatewayStandIn;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine: real Kafka and Cassandra, the SMTP sink, the SMS stand-in, and every service
 * that has been built, each in its own process. Blocks until Ctrl-C, which stops everything.
 */
public final class LocalRun {

    private final Path projectRoot;
    private final Path dataDir;
    private final PrintStream out;

    public LocalRun(Path projectRoot, Path dataDir, PrintStream out) {
        this.projectRoot = projectRoot;
        this.dataDir = dataDir;
        this.out = out;
    }

    public void runUntilInterrupted() throws InterruptedException {
        out.println("[tampon] starting Kafka and Cassandra (data in " + dataDir + ") ...");
        long started = System.nanoTime();
        ServerSet servers = ServerSet.start(dataDir.resolve("servers"),
                new ServerSet.Ports(preferred(9092), preferred(9042)), JvmProfile.LOCAL_RUN);
        MailSink mail = MailSink.start(preferred(2525));
        SmsGatewayStandIn sms = SmsGatewayStandIn.start(preferred(8025), LocalInfrastructure.SMS_USER,
                LocalInfrastructure.SMS_PASSWORD);
        List<LocalServiceProcess> services = new ArrayList<>();
        // One hook, so the order is right: services first (they drain and commit), then the servers they use.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("[tampon] stopping ...");
            services.parallelStream().forEach(service -> service.process().stop(30));
            sms.close();
            mail.close();
            servers.close();
            out.println("[tampon] stopped");
        }, "tampon-local-stop"));

        startServices(servers, mail, sms, services);
        out.printf("%n[tampon] ready in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        out.println("  Kafka (KRaft)        " + servers.kafka().bootstrapServers() + "   log: "
                + servers.kafka().process().logFile());
        for (TopicDeclaration topic : Topics.all()) {
            out.printf("    topic %-32s %2d partitions%n", topic.name(), topic.partitions());
        }
        out.println("  Cassandra (CQL)      " + servers.cassandra().contactPoint().getHostString() + ":"
                + servers.cassandra().contactPoint().getPort() + "   keyspace " + ServerSet.KEYSPACE + "   log: "
                + servers.cassandra().process().logFile());
        out.println("  SMTP sink            127.0.0.1:" + mail.smtpPort());
        out.println("  SMS gateway          " + sms.url() + "   (GET lists received messages)");
        for (LocalServiceProcess service : services) {
            out.printf("  %-20s %s   log: %s%n", service.service().name(), service.url(),
                    service.process().logFile());
        }
        out.println("[tampon] Ctrl-C stops everything.");
        new CountDownLatch(1).await();
    }

    private void startServices(ServerSet servers, MailSink mail, SmsGatewayStandIn sms,
                               List<LocalServiceProcess> started) throws InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tampon.kafka.bootstrap-servers", servers.kafka().bootstrapServers());
        settings.put("tampon.cassandra.contact-point", servers.cassandra().contactPoint().getHostString() + ":"
                + servers.cassandra().contactPoint().getPort());
        settings.put("tampon.mail.smtp-port", Integer.toString(mail.smtpPort()));
        settings.put("tampon.sms.url", sms.url());
        settings.put("tampon.notification.sms.password", LocalInfrastructure.SMS_PASSWORD);
        settings.put("tampon.mail.host", mail.host());
        for (LocalService service : LocalService.all()) {
            Optional<Path> jar = service.runnableJar(projectRoot);
            if (jar.isEmpty()) {
                out.println("[tampon] " + service.name() + " is not built; skipped (mvn -DskipTests install)");
                continue;
            }
            started.add(LocalServiceProcess.start(service, jar.get(), preferred(service.port()), settings,
                    dataDir.resolve("logs")));
        }
        for (LocalServiceProcess service : started) {
            service.awaitReady(Duration.ofMinutes(2));
        }
    }

    /** The usual port when it is free, so addresses stay the same between runs; any free port otherwise. */
    static int preferred(int port) {
        return FreePorts.isListening("127.0.0.1", port) ? FreePorts.next() : port;
    }
}

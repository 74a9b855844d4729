package io.tampon.infra;

import io.tampon.contracts.TopicDeclaration;
import io.tampon.contracts.Topics;
import io.tampon.infra.mail.MailSink;
import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import io.tampon.infra.sms.SmsGatewayStandIn;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the local infrastructure.
 * <ul>
 *   <li>{@code run [dataDir]}: the local run; servers keep their data in {@code dataDir} between runs.</li>
 *   <li>{@code keeper <dir>}: the build's shared servers, kept until the build ends.</li>
 *   <li>{@code await-keeper <dir>}: waits until the keeper is ready (or fails with its reason).</li>
 * </ul>
 */
public final class LocalInfraMain {

    private LocalInfraMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "run";
        switch (mode) {
            case "run" -> run(Path.of(args.length > 1 ? args[1] : ".tampon-data").toAbsolutePath());
            case "keeper" -> keep(Path.of(requireDir(args)).toAbsolutePath());
            case "await-keeper" -> {
                InfraDescriptor ready = SharedInfrastructure.awaitKeeper(Path.of(requireDir(args)),
                        ServerSet.START_TIMEOUT.plusMinutes(1));
                System.out.println("[tampon] shared infrastructure ready: Kafka " + ready.kafkaBootstrapServers()
                        + ", Cassandra " + ready.cassandraHost() + ":" + ready.cassandraPort());
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode + " (run | keeper | await-keeper)");
        }
    }

    private static String requireDir(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: " + args[0] + " <dir>");
        }
        return args[1];
    }

    private static void keep(Path dir) throws Exception {
        InfraDescriptor.deleteFrom(dir);
        KeeperFailure.clear(dir);
        ServerSet servers;
        try {
            servers = ServerSet.start(dir, new ServerSet.Ports(FreePorts.next(), FreePorts.next()), JvmProfile.TEST);
        } catch (RuntimeException e) {
            KeeperFailure.write(dir, e);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> InfraDescriptor.deleteFrom(dir), "tampon-descriptor"));
        servers.describe().writeTo(dir);
        new CountDownLatch(1).await();
    }

    private static void run(Path dataDir) throws Exception {
        PrintStream out = System.out;
        out.println("[tampon] starting Kafka and Cassandra (data in " + dataDir + ") ...");
        long started = System.nanoTime();
        ServerSet servers = ServerSet.start(dataDir,
                new ServerSet.Ports(preferred(9092), preferred(9042)), JvmProfile.LOCAL_RUN);
        MailSink mail = MailSink.start(preferred(2525));
        SmsGatewayStandIn sms = SmsGatewayStandIn.start(preferred(8025), LocalInfrastructure.SMS_USER,
                LocalInfrastructure.SMS_PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("[tampon] stopping ...");
            sms.close();
            mail.close();
        }, "tampon-local-stop"));
        servers.describe().writeTo(dataDir);

        out.printf("%n[tampon] ready in %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        out.println("  Kafka (KRaft)      " + servers.kafka().bootstrapServers() + "   log: "
                + servers.kafka().process().logFile());
        for (TopicDeclaration topic : Topics.all()) {
            out.printf("    topic %-32s %2d partitions%n", topic.name(), topic.partitions());
        }
        out.println("  Cassandra (CQL)    " + servers.cassandra().contactPoint().getHostString() + ":"
                + servers.cassandra().contactPoint().getPort() + "   keyspace: " + ServerSet.KEYSPACE + "   log: "
                + servers.cassandra().process().logFile());
        out.println("  SMTP sink          127.0.0.1:" + mail.smtpPort());
        out.println("  SMS gateway        " + sms.url() + "   (user " + LocalInfrastructure.SMS_USER
                + "; GET lists received messages)");
        out.println("[tampon] Ctrl-C stops everything.");
        new CountDownLatch(1).await();
    }

    /** The usual port when it is free, so addresses stay the same between runs; any free port otherwise. */
    private static int preferred(int port) {
        return FreePorts.isListening("127.0.0.1", port) ? FreePorts.next() : port;
    }
}

package io.tampon.system.run;

import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.ServerSet;
import io.tampon.infra.mail.MailSink;
import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import io.tampon.infra.sms.SmsGatewayStandIn;
import io.tampon.system.demo.DemoPharmacies;
import io.tampon.system.inbox.Inbox;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on one machine, started the same way for {@code ./tampon run} and for the end-to-end tests: real
 * Kafka and Cassandra, the SMTP sink, the SMS stand-in, the inbox folder, and the four services, each in its own
 * process. {@link #close()} stops the services first (they drain and commit), then what they use.
 */
public final class LocalSystem implements AutoCloseable {

    /**
     * @param projectRoot       where the services' jars are built ({@code <module>/target})
     * @param dataDir           Kafka's log, Cassandra's tables, keys, logs and the inbox; kept between runs
     * @param usualPorts        the usual ports (9092, 9042, 8081…) when free, so addresses stay the same between
     *                          runs; false gives every server a free port (tests beside a running system)
     * @param demoPharmacies    extra development pharmacies whose keys the demo uses (see {@link DemoPharmacies})
     * @param inbox             copy what the sinks receive to files for people to read; off for load runs, where
     *                          rescanning tens of thousands of messages twice a second would compete with the system
     * @param signingReplicas   signing-service processes (one consumer group); the load runs use two, as
     *                          production does, so that killing one does not stop the signing
     */
    public record Options(Path projectRoot, Path dataDir, boolean usualPorts, int demoPharmacies, boolean inbox,
                          int signingReplicas) {

        public Options(Path projectRoot, Path dataDir, boolean usualPorts, int demoPharmacies, boolean inbox) {
            this(projectRoot, dataDir, usualPorts, demoPharmacies, inbox, 1);
        }
    }

    private final ServerSet servers;
    private final MailSink mail;
    private final SmsGatewayStandIn sms;
    private final Inbox inbox;
    private final List<LocalServiceProcess> services;
    private final Map<String, String> settings;
    private final Path logDir;

    private LocalSystem(ServerSet servers, MailSink mail, SmsGatewayStandIn sms, Inbox inbox,
                        List<LocalServiceProcess> services, Map<String, String> settings, Path logDir) {
        this.servers = servers;
        this.mail = mail;
        this.sms = sms;
        this.inbox = inbox;
        this.services = new ArrayList<>(services);
        this.settings = settings;
        this.logDir = logDir;
    }

    /** Starts everything and returns once every service answers ready; fails naming the log to read. */
    public static LocalSystem start(Options options, PrintStream progress) throws InterruptedException {
        Path dataDir = options.dataDir();
        progress.println("[tampon] starting Kafka and Cassandra (data in " + dataDir + ") ...");
        ServerSet servers = ServerSet.start(dataDir.resolve("servers"),
                new ServerSet.Ports(port(options, 9092), port(options, 9042)), JvmProfile.LOCAL_RUN,
                LocalService.WORKER_NICENESS); // the workers' database yields with them (see LocalService#niceness)
        MailSink mail = null;
        SmsGatewayStandIn sms = null;
        Inbox inbox = null;
        List<LocalServiceProcess> services = new ArrayList<>();
        Map<String, String> settings = Map.of();
        try {
            mail = MailSink.start(port(options, 2525));
            sms = SmsGatewayStandIn.start(port(options, 8025), LocalInfrastructure.SMS_USER,
                    LocalInfrastructure.SMS_PASSWORD);
            inbox = options.inbox() ? Inbox.start(mail, sms, dataDir.resolve("inbox")) : null;
            Map<String, Integer> ports = new LinkedHashMap<>();
            List<LocalService> all = LocalService.all(options.signingReplicas());
            for (LocalService service : all) {
                ports.put(service.name(), port(options, service.port()));
            }
            settings = settings(options, servers, mail, sms, ports);
            progress.println("[tampon] starting the services ...");
            for (LocalService service : all) {
                Optional<Path> jar = service.runnableJar(options.projectRoot());
                if (jar.isEmpty()) {
                    throw new IllegalStateException(service.name() + " is not built: run mvn -DskipTests install");
                }
                if (!service.name().equals(service.module())) {
                    // A second replica loads the keystore the first one generates on a first run: wait for it.
                    services.stream().filter(p -> p.service().name().equals(service.module())).findFirst()
                            .orElseThrow().awaitReady(Duration.ofMinutes(3));
                }
                services.add(LocalServiceProcess.start(service, jar.get(), ports.get(service.name()), settings,
                        dataDir.resolve("logs")));
            }
            for (LocalServiceProcess service : services) {
                service.awaitReady(Duration.ofMinutes(3));
            }
            return new LocalSystem(servers, mail, sms, inbox, services, settings, dataDir.resolve("logs"));
        } catch (RuntimeException | InterruptedException e) {
            new LocalSystem(servers, mail, sms, inbox, services, settings, dataDir.resolve("logs")).close();
            throw e;
        }
    }

    private static Map<String, String> settings(Options options, ServerSet servers, MailSink mail,
                                                SmsGatewayStandIn sms, Map<String, Integer> ports) {
        Path dataDir = options.dataDir();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tampon.kafka.bootstrap-servers", servers.kafka().bootstrapServers());
        settings.put("tampon.cassandra.contact-point", servers.cassandra().contactPoint().getHostString() + ":"
                + servers.cassandra().contactPoint().getPort());
        settings.put("tampon.cassandra.keyspace", ServerSet.KEYSPACE);
        settings.put("tampon.ingest.api-keys-file", DemoPharmacies.writeKeysFile(
                dataDir.resolve("ingest").resolve("demo-api-keys.txt"), options.demoPharmacies()).toString());
        settings.put("tampon.signing.keys.keystore", dataDir.resolve("signing").resolve("keystore.p12").toString());
        settings.put("tampon.qr.link-secret-file", dataDir.resolve("qr").resolve("link-secret").toString());
        settings.put("tampon.mail.host", mail.host());
        settings.put("tampon.mail.smtp-port", Integer.toString(mail.smtpPort()));
        settings.put("tampon.sms.url", sms.url());
        settings.put("tampon.notification.sms.password", LocalInfrastructure.SMS_PASSWORD);
        settings.put("tampon.notification.page-base-url", "http://127.0.0.1:" + ports.get("qr-service"));
        // The local sinks do not throttle; the production defaults (20 emails/s, 10 SMS/s) would make a demo of a
        // thousand results wait minutes on the pacer instead of showing the pipeline.
        settings.put("tampon.notification.email-per-second", "500");
        settings.put("tampon.notification.sms-per-second", "500");
        // Sending waits on the provider and two lightweight transactions: more consumer threads (partitions in
        // parallel) keep the one notification process busy instead of waiting.
        settings.put("tampon.notification.concurrency", "4");
        return settings;
    }

    private static int port(Options options, int usual) {
        if (options.usualPorts() && !FreePorts.isListening("127.0.0.1", usual)) {
            return usual;
        }
        return FreePorts.next();
    }

    public ServerSet servers() {
        return servers;
    }

    public MailSink mail() {
        return mail;
    }

    public SmsGatewayStandIn sms() {
        return sms;
    }

    /** The inbox folder, or empty when the options turned it off. */
    public Optional<Inbox> inbox() {
        return Optional.ofNullable(inbox);
    }

    public List<LocalServiceProcess> services() {
        return List.copyOf(services);
    }

    /** The base URL of a service by its name (e.g. {@code ingest-service}). */
    public synchronized String url(String serviceName) {
        return process(serviceName).url();
    }

    private LocalServiceProcess process(String serviceName) {
        return services.stream().filter(s -> s.service().name().equals(serviceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + serviceName));
    }

    /** Kills a service with SIGKILL, as a node failure would: no drain, no commit, no goodbye. */
    public synchronized void kill(String serviceName) {
        process(serviceName).process().kill();
    }

    /** Starts a service again (after {@link #kill}) on the same port and settings; returns once it is ready. */
    public synchronized void restart(String serviceName, Path projectRoot) throws InterruptedException {
        LocalServiceProcess old = process(serviceName);
        old.process().stop(5);
        Path jar = old.service().runnableJar(projectRoot).orElseThrow();
        LocalServiceProcess fresh = LocalServiceProcess.start(old.service(), jar, old.port(), settings, logDir);
        services.set(services.indexOf(old), fresh);
        fresh.awaitReady(Duration.ofMinutes(3));
    }

    @Override
    public void close() {
        services.parallelStream().forEach(service -> service.process().stop(30));
        if (inbox != null) {
            try {
                inbox.close();
            } catch (UncheckedIOException e) {
                // The inbox is a convenience copy: the sinks themselves still hold every message.
            }
        }
        if (sms != null) {
            sms.close();
        }
        if (mail != null) {
            mail.close();
        }
        servers.close();
    }
}

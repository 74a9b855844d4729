package io.tampon.infra.kafka;

import io.tampon.contracts.TopicDeclaration;
import io.tampon.infra.process.ChildJvm;
import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import io.tampon.infra.process.ServerClasspath;
import io.tampon.infra.process.ServerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka 4 broker in KRaft mode (one process acting as broker and controller) in a child JVM.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final JvmProfile profile;
    private ChildJvm process;

    public KafkaBroker(Path dir, int port, JvmProfile profile) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = FreePorts.next();
        this.profile = profile;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ChildJvm process() {
        return process;
    }

    /** Formats the storage on first use, starts the broker and returns once it is up. */
    public KafkaBroker start() {
        try {
            Files.createDirectories(dir);
            Path serverProperties = writeServerProperties();
            Path log4j = ServerFiles.copyResource("kafka-log4j2.properties", dir.resolve("log4j2.properties"));
            Path jvmArgs = writeJvmArgs(log4j);
            List<String> classpath = ServerClasspath.kafka();
            if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
                ChildJvm.runToCompletion("kafka-storage-format", classpath, jvmArgs, "kafka.tools.StorageTool",
                        List.of("format", "-t", Uuid.randomUuid().toString(), "-c", serverProperties.toString()),
                        dir.resolve("format.log"), 120);
            }
            process = ChildJvm.start("kafka", classpath, jvmArgs, "kafka.Kafka",
                    List.of(serverProperties.toString()), dir.resolve("kafka.log"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka in " + dir, e);
        }
    }

    /**
     * Creates the declared topics (idempotently) and waits until the broker's metadata lists every one of them with
     * a leader for each partition: that, not an open port, is what "ready" means to a producer.
     */
    public void createTopicsAndAwait(List<TopicDeclaration> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminConfig(timeout))) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (TopicDeclaration topic : topics) {
                newTopics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMillis()))));
            }
            for (var entry : admin.createTopics(newTopics).values().entrySet()) {
                awaitIgnoringExists(entry.getValue().toCompletionStage().toCompletableFuture(), deadline);
            }
            List<String> names = topics.stream().map(TopicDeclaration::name).toList();
            while (true) {
                Map<String, TopicDescription> described = await(
                        admin.describeTopics(names).allTopicNames().toCompletionStage().toCompletableFuture(),
                        deadline);
                boolean allLed = described.values().stream().allMatch(d -> d.partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (allLed && described.keySet().containsAll(names)) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka topics have no leader yet; see " + process.logFile());
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private <T> T await(java.util.concurrent.CompletableFuture<T> future, long deadline) throws InterruptedException {
        while (true) {
            process.requireAlive();
            try {
                return future.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka was not ready in time; see its log: " + process.logFile());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused: " + e.getCause() + "; see " + process.logFile(),
                        e.getCause());
            }
        }
    }

    private void awaitIgnoringExists(java.util.concurrent.CompletableFuture<Void> future, long deadline)
            throws InterruptedException {
        try {
            await(future, deadline);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private Properties adminConfig(Duration timeout) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        // One client that keeps retrying while the broker boots: recreating clients per attempt is slower.
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        return config;
    }

    private Path writeServerProperties() throws IOException {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        // A single node: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from the one declaration (io.tampon.contracts.Topics); a typo must fail, not create a topic.
        p.put("auto.create.topics.enable", "false");
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "Generated by Tampon's local infrastructure");
        }
        return file;
    }

    private Path writeJvmArgs(Path log4j) throws IOException {
        List<String> args = new ArrayList<>(profile.flags(profile == JvmProfile.TEST ? "512m" : "1g"));
        args.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        args.add("-Dkafka.logs.dir=" + dir);
        if (profile != JvmProfile.TEST) {
            // The broker as Kafka's own start script runs it (KAFKA_JVM_PERFORMANCE_OPTS), not with G1's 200 ms
            // default goal. In benchmarks/ingest.sh it cut the broker's longest pauses in the warm-up (117 ms to
            // 77), not those in the measured steps (docs/benchmarks.md).
            args.addAll(List.of("-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
                    "-XX:+ExplicitGCInvokesConcurrent"));
            // Benchmarks line the broker's pauses up with the edge's tail latency (benchmarks/ingest.sh).
            args.add("-Xlog:gc:file=" + dir.resolve("gc.log") + ":timemillis");
        }
        Path file = dir.resolve("jvm.args");
        Files.write(file, args);
        return file;
    }

    /** Stops the broker; {@link #start()} brings it back on the same ports with the same data (outage tests). */
    public void stop() {
        if (process != null) {
            process.stop(30);
        }
    }

    @Override
    public void close() {
        stop();
    }
}

package io.tampon.infra;

import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.contracts.Topics;
import io.tampon.infra.cassandra.CassandraNode;
import io.tampon.infra.kafka.KafkaBroker;
import io.tampon.infra.process.JvmProfile;
import io.tampon.schema.SchemaMigrator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Kafka broker and Cassandra node this JVM started and owns. Both boot in parallel: most of their start-up is
 * waiting, and one Tampon build must not spend twice that.
 */
public final class ServerSet implements AutoCloseable {

    public static final String KEYSPACE = "tampon";
    /** One local node: one replica. Production uses NetworkTopologyStrategy with three (deploy/). */
    public static final String LOCAL_REPLICATION = "{'class': 'SimpleStrategy', 'replication_factor': 1}";
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final KafkaBroker kafka;
    private final CassandraNode cassandra;

    private ServerSet(KafkaBroker kafka, CassandraNode cassandra) {
        this.kafka = kafka;
        this.cassandra = cassandra;
    }

    /** Starts both servers under {@code dir}, creates the topics and applies the schema; returns when all are ready. */
    public static ServerSet start(Path dir, Ports ports, JvmProfile profile) {
        return start(dir, ports, profile, 0);
    }

    /**
     * As {@link #start(Path, Ports, JvmProfile)}, with Cassandra at a lower CPU priority ({@code nice}): in the local
     * run it serves the pipeline's workers, which yield the CPU to the edge and the broker.
     */
    public static ServerSet start(Path dir, Ports ports, JvmProfile profile, int cassandraNiceness) {
        KafkaBroker kafka = new KafkaBroker(dir.resolve("kafka"), ports.kafka(), profile);
        CassandraNode cassandra = new CassandraNode(dir.resolve("cassandra"), ports.cassandra(), profile,
                cassandraNiceness);
        ServerSet servers = new ServerSet(kafka, cassandra);
        try {
            CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(() -> {
                kafka.start();
                kafka.createTopicsAndAwait(Topics.all(), START_TIMEOUT);
            });
            CompletableFuture<Void> cassandraReady = CompletableFuture.runAsync(() -> {
                cassandra.start();
                cassandra.awaitReady(START_TIMEOUT);
                try (CqlSession session = cassandra.newSession(null)) {
                    new SchemaMigrator(session, KEYSPACE, LOCAL_REPLICATION).migrate();
                }
            });
            CompletableFuture.allOf(kafkaReady, cassandraReady).join();
            return servers;
        } catch (CompletionException e) {
            servers.close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
    }

    /** Stops both servers when this JVM exits (normally, on SIGTERM or on Ctrl-C). */
    public ServerSet stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "tampon-infra-stop"));
        return this;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public CassandraNode cassandra() {
        return cassandra;
    }

    public InfraDescriptor describe() {
        return new InfraDescriptor(kafka.bootstrapServers(), cassandra.contactPoint().getHostString(),
                cassandra.contactPoint().getPort(), KEYSPACE, ProcessHandle.current().pid());
    }

    @Override
    public void close() {
        CompletableFuture<Void> kafkaStopped = CompletableFuture.runAsync(kafka::close);
        cassandra.close();
        kafkaStopped.join();
    }

    /** The ports to listen on. */
    public record Ports(int kafka, int cassandra) {
    }
}

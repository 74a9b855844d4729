package io.tampon.infra.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.tampon.infra.process.ChildJvm;
import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import io.tampon.infra.process.ServerClasspath;
import io.tampon.infra.process.ServerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Cassandra 5.0 node in a child JVM. Never in the test JVM: it needs module flags, installs a
 * JVM-wide SecurityManager, keeps static state and ships Netty 4.1 (see shared notes/infrastructure.md).
 */
public final class CassandraNode implements AutoCloseable {

    /** SimpleSnitch puts every node in this datacenter; the driver needs it as its local datacenter. */
    public static final String LOCAL_DATACENTER = "datacenter1";

    /**
     * Cassandra's request workers wait for work by sleeping 10 µs at a time in a loop (its shared executor pool),
     * and keep doing so while requests arrive every few milliseconds: with Linux's default 50 µs slack, ~20,000
     * wake-ups a second whatever the load. Measured on the 2-core build machine (single node, 16-row batches,
     * {@code benchmarks/cassandra-node.sh}): 0.39–0.43 core at 200 requests/s with the default slack, 0.19–0.23 with
     * 250 µs–1 ms, at the same median latency with 250 µs (+0.6 ms with 1 ms). The local node shares its cores with
     * everything else, so that CPU is the services'. A production node runs on its own cores, where the spinning
     * buys latency and costs nobody else.
     */
    static final long TIMER_SLACK_NANOS = 250_000;

    private final Path dir;
    private final int nativePort;
    private final int storagePort;
    private final JvmProfile profile;
    private final int niceness;
    private ChildJvm process;

    public CassandraNode(Path dir, int nativePort, JvmProfile profile) {
        this(dir, nativePort, profile, 0);
    }

    /** @param niceness CPU priority of the node's process (see {@link ChildJvm#start}); 0 = ours */
    public CassandraNode(Path dir, int nativePort, JvmProfile profile, int niceness) {
        this.niceness = niceness;
        this.dir = dir;
        this.nativePort = nativePort;
        this.storagePort = FreePorts.next();
        this.profile = profile;
    }

    public InetSocketAddress contactPoint() {
        return new InetSocketAddress("127.0.0.1", nativePort);
    }

    public ChildJvm process() {
        return process;
    }

    public CassandraNode start() {
        try {
            Files.createDirectories(dir);
            Path yaml = writeYaml();
            Path logback = ServerFiles.copyResource("cassandra-logback.xml", dir.resolve("logback.xml"));
            Path jvmArgs = writeJvmArgs(yaml, logback);
            process = ChildJvm.start("cassandra", ServerClasspath.cassandra(), jvmArgs,
                    "org.apache.cassandra.service.CassandraDaemon", List.of(), dir.resolve("cassandra.log"), niceness,
                    TIMER_SLACK_NANOS);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Cassandra in " + dir, e);
        }
    }

    /**
     * Waits until a CQL query succeeds. The port is probed first with a plain socket because a driver session
     * built before the port opens fails at once, and building one per attempt is slow.
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!FreePorts.isListening("127.0.0.1", nativePort)) {
                process.requireAlive();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cassandra did not open its CQL port " + nativePort + " in "
                            + timeout.toSeconds() + " s; see its log: " + process.logFile());
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Cassandra", e);
        }
        try (CqlSession session = newSession(null)) {
            session.execute("SELECT release_version FROM system.local").one();
        } catch (DriverException e) {
            throw new IllegalStateException("Cassandra is not answering CQL: " + e.getMessage()
                    + "; see its log: " + process.logFile(), e);
        }
    }

    /** A session to this node; {@code keyspace} may be null. */
    public CqlSession newSession(String keyspace) {
        return newSession(contactPoint(), keyspace);
    }

    public static CqlSession newSession(InetSocketAddress contactPoint, String keyspace) {
        var builder = CqlSession.builder()
                .addContactPoint(contactPoint)
                .withLocalDatacenter(LOCAL_DATACENTER)
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        // Schema changes on a cold node can take a few seconds.
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                        .build());
        if (keyspace != null) {
            builder.withKeyspace(keyspace);
        }
        return builder.build();
    }

    private Path writeYaml() throws IOException {
        String data = dir.resolve("data").toString();
        String yaml = String.join("\n",
                "cluster_name: tampon-local",
                "num_tokens: 16",
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "data_file_directories:",
                "  - " + data + "/data",
                "commitlog_directory: " + data + "/commitlog",
                "saved_caches_directory: " + data + "/saved_caches",
                "hints_directory: " + data + "/hints",
                "cdc_raw_directory: " + data + "/cdc_raw",
                "commitlog_sync: periodic",
                "commitlog_sync_period: 10000ms",
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"127.0.0.1:" + storagePort + "\"",
                "listen_address: 127.0.0.1",
                "rpc_address: 127.0.0.1",
                "storage_port: " + storagePort,
                "native_transport_port: " + nativePort,
                "start_native_transport: true",
                "endpoint_snitch: SimpleSnitch",
                "auto_snapshot: false",
                // Paxos v2 (4.1+): fewer round trips and less work per lightweight transaction than v1, which
                // notification's claims use twice per message. A new cluster can start on it directly.
                "paxos_variant: v2",
                "");
        Path file = dir.resolve("cassandra.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Path writeJvmArgs(Path yaml, Path logback) throws IOException {
        List<String> args = new ArrayList<>(profile.flags(profile == JvmProfile.TEST ? "768m" : "1g"));
        args.add("-Dcassandra.config=" + yaml.toUri());
        args.add("-Dcassandra.storagedir=" + dir.resolve("data"));
        args.add("-Dcassandra-foreground=yes");
        args.add("-Dlogback.configurationFile=" + logback.toUri());
        // A single node has no gossip to settle and no ring to wait for.
        args.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        // Skips a ~4 s memory estimate on every boot.
        args.add("-Dcassandra.memtable.row_overhead_size=180");
        args.addAll(moduleFlags());
        Path file = dir.resolve("jvm.args");
        Files.write(file, args);
        return file;
    }

    /** From Cassandra 5.0's conf/jvm17-server.options: without them it dies at start on JDK 17. */
    static List<String> moduleFlags() {
        List<String> flags = new ArrayList<>(List.of("-Djdk.attach.allowAttachSelf=true",
                "-Dio.netty.tryReflectionSetAccessible=true"));
        for (String export : List.of("java.base/jdk.internal.misc",
                "java.management.rmi/com.sun.jmx.remote.internal.rmi", "java.rmi/sun.rmi.registry",
                "java.rmi/sun.rmi.server", "java.sql/java.sql", "java.base/java.lang.ref",
                "jdk.unsupported/sun.misc", "jdk.compiler/com.sun.tools.javac.file", "jdk.attach/sun.tools.attach")) {
            flags.add("--add-exports=" + export + "=ALL-UNNAMED");
        }
        for (String open : List.of("java.base/java.lang.module", "java.base/jdk.internal.loader",
                "java.base/jdk.internal.ref", "java.base/jdk.internal.reflect", "java.base/jdk.internal.math",
                "java.base/jdk.internal.module", "java.base/jdk.internal.util.jar",
                "jdk.management/com.sun.management.internal", "java.base/sun.nio.ch", "java.base/java.io",
                "java.base/java.lang.reflect", "jdk.compiler/com.sun.tools.javac", "java.base/java.lang",
                "java.base/java.util", "java.base/java.nio")) {
            flags.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        return flags;
    }

    /** Stops the node; {@link #start()} brings it back on the same ports with the same data (outage tests). */
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

package io.tampon.infra.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import io.tampon.infra.process.ThreadCpu;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What a local node's CPU costs per request at a few steady request rates, with the node's timer slack and then with
 * Linux's default one set on every thread of the running node ({@code benchmarks/cassandra-node.sh}; see
 * docs/benchmarks.md, seventh session). Each request is one unlogged batch of 16 rows in one partition, the shape
 * of the edge's RECEIVED write. Changing another process's timer slack needs CAP_SYS_NICE: without it (not root)
 * the probe stops after the first half.
 */
public final class CassandraRequestCostProbe {

    private static final long LINUX_DEFAULT_SLACK_NANOS = 50_000;
    private static final int IN_FLIGHT = 64;

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream((args.length > 0 ? args[0] : "1000,1000,0,50,200,1000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("cassandra-probe");
        try (CassandraNode node = new CassandraNode(dir, FreePorts.next(), JvmProfile.LOCAL_RUN)) {
            node.start();
            node.awaitReady(Duration.ofMinutes(3));
            long pid = node.process().pid();
            try (CqlSession session = node.newSession(null)) {
                session.execute("CREATE KEYSPACE probe WITH replication = "
                        + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
                session.execute("CREATE TABLE probe.rows (k uuid, b int, v blob, PRIMARY KEY ((k), b))");
                PreparedStatement insert = session.prepare("INSERT INTO probe.rows (k, b, v) VALUES (?, ?, ?)");
                ThreadCpu cpu = new ThreadCpu(pid, name -> "all");
                System.out.printf("[probe] the node's timer slack: %s ns%n", slackOf(pid));
                measure(session, insert, cpu, pid, rates, seconds);
                setSlack(pid, LINUX_DEFAULT_SLACK_NANOS);
                System.out.printf("[probe] timer slack set to Linux's default on every thread: %s ns%n",
                        slackOf(pid));
                measure(session, insert, cpu, pid, rates, seconds);
            }
        }
        System.exit(0);
    }

    private static void measure(CqlSession session, PreparedStatement insert, ThreadCpu cpu, long pid, int[] rates,
                                int seconds) throws Exception {
        for (int rate : rates) {
            send(session, insert, rate, 5, new ConcurrentLinkedQueue<>()); // settles the rate first
            ThreadCpu.Reading before = cpu.read();
            long switchesBefore = voluntarySwitches(pid);
            long started = System.nanoTime();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            send(session, insert, rate, seconds, latencies);
            double wall = (System.nanoTime() - started) / 1e9;
            long cpuNanos = cpu.read().since(before).totalNanos();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("[probe] %5d requests/s: node %.3f core, %6.0f context switches/s, latency p50 %.2f ms "
                            + "p99 %.2f ms%n", rate, cpuNanos / 1e9 / wall,
                    (voluntarySwitches(pid) - switchesBefore) / wall, percentile(sorted, 0.50),
                    percentile(sorted, 0.99));
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static void send(CqlSession session, PreparedStatement insert, int rate, int seconds,
                             ConcurrentLinkedQueue<Long> latencies) throws InterruptedException {
        if (rate == 0) {
            TimeUnit.SECONDS.sleep(seconds);
            return;
        }
        long requests = (long) rate * seconds;
        Semaphore window = new Semaphore(IN_FLIGHT);
        ByteBuffer value = ByteBuffer.allocate(150); // ~ a request's packed RECEIVED entries per row
        long start = System.nanoTime();
        for (long i = 0; i < requests; i++) {
            long wait = start + i * 1_000_000_000L / rate - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            window.acquire();
            UUID key = UUID.randomUUID();
            List<BatchableStatement<?>> rows = new ArrayList<>(16);
            for (int bucket = 0; bucket < 16; bucket++) {
                rows.add(insert.bind(key, bucket, value.duplicate()));
            }
            long sent = System.nanoTime();
            session.executeAsync(BatchStatement.newInstance(DefaultBatchType.UNLOGGED, rows))
                    .whenComplete((result, error) -> {
                        latencies.add(System.nanoTime() - sent);
                        window.release();
                    });
        }
        window.acquire(IN_FLIGHT);
        window.release(IN_FLIGHT);
    }

    private static void setSlack(long pid, long nanos) throws IOException {
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                Files.writeString(Path.of("/proc", thread.getFileName().toString(), "timerslack_ns"),
                        Long.toString(nanos));
            }
        }
    }

    private static String slackOf(long pid) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "timerslack_ns")).strip();
    }

    private static long voluntarySwitches(long pid) throws IOException {
        long total = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    for (String line : Files.readAllLines(thread.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                } catch (IOException gone) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return total;
    }

    private CassandraRequestCostProbe() {
    }
}

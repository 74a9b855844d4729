package io.tampon.infra.kafka;

import io.tampon.infra.process.ThreadCpu;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** For tests: produces input and reads a whole topic from its beginning, on the real broker. */
public final class KafkaTestClient implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String bootstrap;

    public KafkaTestClient(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void send(String topic, Integer partition, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce test input", e);
        }
    }

    /** Many records at once (a benchmark's backlog): sent without waiting for each, all acknowledged on return. */
    public void sendAll(String topic, Map<String, byte[]> records) {
        List<Future<?>> sent = new ArrayList<>(records.size());
        records.forEach((key, value) -> sent.add(producer.send(new ProducerRecord<>(topic, key, value))));
        producer.flush();
        try {
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce test input", e);
        }
    }

    /** Reads {@code topic} from the beginning until {@code done} holds for the records kept by {@code keep}. */
    public List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<ConsumerRecord<String, byte[]>> keep,
                                                   Predicate<List<ConsumerRecord<String, byte[]>>> done,
                                                   Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(kept)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out on " + topic + " with " + kept.size() + " matching records");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (keep.test(record)) {
                        kept.add(record);
                    }
                }
            }
            return kept;
        }
    }

    /**
     * For throughput benchmarks: waits until every key has been published to {@code topic} and returns how fast the
     * records arrived after the first {@code warmUpFraction} of them (the JIT's warm-up is left out).
     */
    public Drain measureDrain(String topic, Set<String> keys, double warmUpFraction, Duration timeout) {
        return measureDrain(topic, keys, warmUpFraction, timeout, KafkaTestClient::otherThreadsCpu);
    }

    /**
     * As {@link #measureDrain(String, Set, double, Duration)}, with the CPU of whatever {@code cpu} reads (the
     * service under test in a process of its own, say), by kind of thread.
     *
     * <p>During the window the topic's end offsets are counted, not its records read: a consumer fetching every
     * record beside the service under test took 0.07–0.16 of a core on the same machine, a neighbour the service
     * does not have in production. The records are read once the window is closed, and the count is trusted only if
     * they are exactly the keys, each once.
     */
    public Drain measureDrain(String topic, Set<String> keys, double warmUpFraction, Duration timeout,
                              Supplier<ThreadCpu.Reading> cpu) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> start = consumer.endOffsets(partitions);
            long before = sum(start);
            long warmCount = (long) (keys.size() * warmUpFraction);
            long warm = System.nanoTime();
            ThreadCpu.Reading cpuAtWarm = cpu.get();
            long publishedAtWarm = 0;
            boolean warmedUp = warmCount == 0;
            long deadline = warm + timeout.toNanos();
            long published;
            while ((published = sum(consumer.endOffsets(partitions)) - before) < keys.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + published + " of " + keys.size() + " records on "
                            + topic + " after " + timeout);
                }
                if (!warmedUp && published >= warmCount) {
                    warm = System.nanoTime();
                    cpuAtWarm = cpu.get();
                    publishedAtWarm = published;
                    warmedUp = true;
                }
                sleep(50);
            }
            long end = System.nanoTime();
            ThreadCpu.Reading used = cpu.get().since(cpuAtWarm);
            requireEachKeyOnce(consumer, topic, start, published, keys);
            return new Drain((int) (published - publishedAtWarm), (end - warm) / 1e9, used);
        }
    }

    /** The {@code count} records after {@code start} are exactly {@code keys}, each once (no duplicate, no other). */
    private static void requireEachKeyOnce(KafkaConsumer<String, byte[]> consumer, String topic,
                                           Map<TopicPartition, Long> start, long count, Set<String> keys) {
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
        Set<String> seen = new HashSet<>();
        long read = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (read < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                read++;
                if (!keys.contains(record.key()) || !seen.add(record.key())) {
                    throw new IllegalStateException("record " + record.key() + " at " + record.partition() + "/"
                            + record.offset() + " of " + topic + " is a duplicate or not one of the keys: "
                            + "the drain's count would be wrong");
                }
            }
        }
        if (seen.size() != keys.size()) {
            throw new IllegalStateException("read " + seen.size() + " of " + keys.size() + " keys back from " + topic);
        }
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring a drain", e);
        }
    }

    /**
     * CPU time of this JVM minus the calling thread's: when the service under test runs in this JVM and this
     * thread reads its output, that is the service's CPU (the broker and node are other processes).
     */
    private static ThreadCpu.Reading otherThreadsCpu() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new ThreadCpu.Reading(Map.of("this JVM but the reading thread",
                os.getProcessCpuTime() - ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()));
    }

    /** {@code records} arrived in {@code seconds}, while the service under test used {@code cpu}. */
    public record Drain(int records, double seconds, ThreadCpu.Reading cpu) {

        public double cpuSeconds() {
            return cpu.totalNanos() / 1e9;
        }

        public double perSecond() {
            return records / seconds;
        }

        /** Records per second of one core: the rate per core, whatever the machine's other processes take. */
        public double perCpuSecond() {
            return records / cpuSeconds();
        }

        public double coresUsed() {
            return cpuSeconds() / seconds;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

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
     * For throughput benchmarks: reads {@code topic} until every key has appeared once and returns how fast the
     * keys arrived after the first {@code warmUpFraction} of them (the JIT's warm-up is left out).
     */
    public Drain measureDrain(String topic, Set<String> keys, double warmUpFraction, Duration timeout) {
        return measureDrain(topic, keys, warmUpFraction, timeout, KafkaTestClient::otherThreadsCpu);
    }

    /**
     * As {@link #measureDrain(String, Set, double, Duration)}, with the CPU of whatever {@code cpu} reads (the
     * service under test in a process of its own, say), by kind of thread.
     */
    public Drain measureDrain(String topic, Set<String> keys, double warmUpFraction, Duration timeout,
                             Supplier<ThreadCpu.Reading> cpu) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<String> seen = new HashSet<>();
            int warmCount = (int) (keys.size() * warmUpFraction);
            long warm = System.nanoTime();
            ThreadCpu.Reading cpuAtWarm = cpu.get();
            long deadline = warm + timeout.toNanos();
            while (seen.size() < keys.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key()) && seen.add(record.key()) && seen.size() == warmCount) {
                        warm = System.nanoTime();
                        cpuAtWarm = cpu.get();
                    }
                }
            }
            if (seen.size() < keys.size()) {
                throw new IllegalStateException("only " + seen.size() + " of " + keys.size() + " keys on " + topic);
            }
            ThreadCpu.Reading used = cpu.get().since(cpuAtWarm);
            return new Drain(keys.size() - warmCount, (System.nanoTime() - warm) / 1e9, used);
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

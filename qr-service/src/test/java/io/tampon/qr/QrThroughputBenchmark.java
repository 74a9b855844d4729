package io.tampon.qr;

import io.tampon.contracts.Topics;
import io.tampon.contracts.events.PassSigned;
import io.tampon.infra.LocalInfrastructure;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passes rendered, stored and announced per second by one qr-service consumer thread, the broker and node local:
 * N signed passes are put on the topic first (a backlog), then the service drains them. The rate is measured between
 * 20 % and 100 % of the backlog, after warm-up. Run on purpose: benchmarks/qr-service.sh.
 */
public final class QrThroughputBenchmark {

    private QrThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        LocalInfrastructure infra = LocalInfrastructure.shared();
        JsonMapper json = JsonMapper.builder().build();
        Set<String> keys = new HashSet<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all", ProducerConfig.LINGER_MS_CONFIG, 10), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                PassSigned pass = QrServiceITSupport.signedPass(UUID.randomUUID());
                keys.add(pass.resultId().toString());
                producer.send(new ProducerRecord<>(Topics.PASSES_SIGNED.name(), pass.resultId().toString(),
                        json.writeValueAsBytes(pass)));
            }
        }
        System.out.printf("[bench] %d signed passes on %s%n", count, Topics.PASSES_SIGNED.name());

        String[] arguments = Map.of("server.port", "0",
                "tampon.kafka.bootstrap-servers", infra.kafkaBootstrapServers(),
                "tampon.cassandra.contact-point", infra.cassandraContactPoint().getHostString() + ":"
                        + infra.cassandraContactPoint().getPort(),
                "spring.kafka.consumer.group-id", "bench-" + UUID.randomUUID(),
                "spring.kafka.listener.concurrency", "1",
                "tampon.qr.link-secret", "benchmark-link-secret-of-32-bytes!!!!",
                "logging.level.root", "WARN").entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        // Extra arguments (e.g. --spring.kafka.consumer.max-poll-records=1000) tune the service under test.
        arguments = java.util.stream.Stream.concat(java.util.Arrays.stream(arguments),
                java.util.Arrays.stream(args).skip(1)).toArray(String[]::new);

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer());
             ConfigurableApplicationContext service = new SpringApplicationBuilder(QrApplication.class)
                     .run(arguments)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PASSES_ISSUED.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<String> seen = new HashSet<>();
            long warm = 0;
            int warmCount = count / 5;
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (seen.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key()) && seen.add(record.key()) && seen.size() == warmCount) {
                        warm = System.nanoTime();
                    }
                }
            }
            double seconds = (System.nanoTime() - warm) / 1e9;
            double rate = (count - warmCount) / seconds;
            System.out.printf("[bench] qr-service, 1 consumer thread: %d passes after warm-up in %.1f s = "
                    + "%.0f passes/s%n", count - warmCount, seconds, rate);
            System.out.printf("RESULT qr-service-passes-per-second %.0f%n", rate);
        }
        System.exit(0);
    }
}

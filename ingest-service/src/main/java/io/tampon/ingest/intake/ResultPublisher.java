package io.tampon.ingest.intake;

import io.micronaut.context.annotation.Context;
import io.tampon.contracts.Topics;
import io.tampon.contracts.events.EventHeaders;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.ingest.config.KafkaProperties;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The only way into Kafka. A result counts as accepted when the future completes: every in-sync replica has it
 * ({@code acks=all}) and the idempotent producer guarantees it is written once, in order, despite retries. Records
 * are keyed by resultId and placed by pharmacy ({@link PharmacyPartitions}).
 */
// Created at start-up (not at the first request), so the producer knows the topic before results arrive.
@Context
@Singleton
public class ResultPublisher {

    private static final byte[] TYPE = EventHeaders.type(ResultReceived.TYPE, ResultReceived.SCHEMA_VERSION)
            .getBytes(StandardCharsets.UTF_8);

    private final KafkaProducer<String, byte[]> producer;

    public ResultPublisher(KafkaProperties kafka) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, kafka.compression(),
                // send() blocks at most this long when the buffer is full or the broker unknown: the 503 signal.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) kafka.maxBlock().toMillis(),
                ProducerConfig.BUFFER_MEMORY_CONFIG, kafka.bufferMemory(),
                // The topic's metadata stays known however quiet the night: a send never waits for a metadata
                // fetch longer than max.block.ms (it did: the first result after a start or 5 idle minutes got 503).
                ProducerConfig.METADATA_MAX_IDLE_CONFIG, (int) Duration.ofDays(1).toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG, "ingest-service"),
                new StringSerializer(), new ByteArraySerializer());
        Thread warmUp = new Thread(this::fetchMetadata, "ingest-producer-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Learns the results topic's partitions and leaders before the first pharmacy asks, retrying for a minute. */
    private void fetchMetadata() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                producer.partitionsFor(Topics.RESULTS.name());
                return;
            } catch (RuntimeException e) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Starts sending; the future completes when Kafka acknowledged, or fails (buffer full, broker unreachable,
     * delivery timeout). Never throws for Kafka's reasons: the caller maps every failure to 503.
     */
    public CompletableFuture<RecordMetadata> publish(ResultReceived result) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            // Cached metadata (kept by metadata.max.idle.ms); unknown, it blocks up to max.block.ms like send() does.
            int partitions = producer.partitionsFor(Topics.RESULTS.name()).size();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RESULTS.name(),
                    PharmacyPartitions.of(result.pharmacyId(), partitions), result.resultId().toString(),
                    ResultEventWriter.write(result));
            record.headers().add(EventHeaders.TYPE, TYPE);
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    acknowledged.completeExceptionally(error);
                } else {
                    acknowledged.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    @PreDestroy
    void close() {
        // Deliver what was accepted-in-flight before the process ends.
        producer.close(Duration.ofSeconds(10));
    }
}

package io.tampon.spring;

import io.tampon.contracts.TopicDeclaration;
import io.tampon.contracts.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a record that can never be processed to its topic's dead-letter topic: the original bytes untouched, with
 * why, where from and which service — enough to investigate and replay.
 */
public class DeadLetterPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final byte[] service;

    public DeadLetterPublisher(KafkaTemplate<String, byte[]> kafka, String service) {
        this.kafka = kafka;
        this.service = service.getBytes(StandardCharsets.UTF_8);
    }

    /** @param reason an error code and a short text, without personal data */
    public CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> original, TopicDeclaration topic,
                                           String reason) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.deadLetter().orElseThrow(
                () -> new IllegalArgumentException(topic.name() + " has no dead-letter topic")).name(),
                original.key(), original.value());
        Headers headers = record.headers();
        original.headers().forEach(headers::add);
        headers.add(EventHeaders.DLT_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.DLT_ORIGINAL_TOPIC, original.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.DLT_ORIGINAL_PARTITION,
                Integer.toString(original.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.DLT_ORIGINAL_OFFSET,
                Long.toString(original.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.DLT_SERVICE, service);
        return kafka.send(record);
    }
}

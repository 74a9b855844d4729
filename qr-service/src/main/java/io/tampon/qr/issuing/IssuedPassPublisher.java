package io.tampon.qr.issuing;

import io.tampon.contracts.Topics;
import io.tampon.contracts.events.EventHeaders;
import io.tampon.contracts.events.PassIssued;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Publishes issued passes, and signed passes that can never be rendered to the dead-letter topic. */
@Component
class IssuedPassPublisher {

    static final String SERVICE = "qr-service";
    private static final byte[] TYPE =
            EventHeaders.type(PassIssued.TYPE, PassIssued.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;

    IssuedPassPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    CompletableFuture<?> publish(PassIssued pass) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PASSES_ISSUED.name(),
                pass.resultId().toString(), json.writeValueAsBytes(pass));
        record.headers().add(EventHeaders.TYPE, TYPE);
        return kafka.send(record);
    }

    CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> original, String reason) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.PASSES_SIGNED.deadLetter().orElseThrow().name(), original.key(), original.value());
        Headers headers = record.headers();
        original.headers().forEach(headers::add);
        headers.add(EventHeaders.DLT_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.DLT_ORIGINAL_TOPIC, original.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.DLT_ORIGINAL_PARTITION,
                Integer.toString(original.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.DLT_ORIGINAL_OFFSET,
                Long.toString(original.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.DLT_SERVICE, SERVICE.getBytes(StandardCharsets.UTF_8));
        return kafka.send(record);
    }
}

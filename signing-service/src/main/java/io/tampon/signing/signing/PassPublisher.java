package io.tampon.signing.signing;

import io.tampon.contracts.Topics;
import io.tampon.contracts.events.EventHeaders;
import io.tampon.contracts.events.PassSigned;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Publishes signed passes, and results that can never be signed to the dead-letter topic. */
@Component
class PassPublisher {

    static final String SERVICE = "signing-service";
    private static final byte[] PASS_SIGNED_TYPE =
            EventHeaders.type(PassSigned.TYPE, PassSigned.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;

    PassPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** Keyed like the input (resultId), so every record about one result stays in order in one partition. */
    CompletableFuture<?> publish(PassSigned pass) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PASSES_SIGNED.name(),
                pass.resultId().toString(), json.writeValueAsBytes(pass));
        record.headers().add(EventHeaders.TYPE, PASS_SIGNED_TYPE);
        return kafka.send(record);
    }

    /** The original bytes, untouched, with why and where from: enough to investigate and replay. */
    CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> original, String reason) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.RESULTS.deadLetter().orElseThrow().name(), original.key(), original.value());
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

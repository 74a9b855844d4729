package io.tampon.signing.signing;

import io.tampon.contracts.Topics;
import io.tampon.contracts.events.EventHeaders;
import io.tampon.contracts.events.PassSigned;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.tampon.spring.DeadLetterPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Publishes signed passes, and results that can never be signed to the dead-letter topic. */
@Component
class PassPublisher {

    private static final byte[] PASS_SIGNED_TYPE =
            EventHeaders.type(PassSigned.TYPE, PassSigned.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8);

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectWriter json;
    private final DeadLetterPublisher deadLetters;

    PassPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, DeadLetterPublisher deadLetters) {
        this.kafka = kafka;
        // Resolved once, not per pass.
        this.json = json.writerFor(PassSigned.class);
        this.deadLetters = deadLetters;
    }

    /** Keyed like the input (resultId), so every record about one result stays in order in one partition. */
    CompletableFuture<?> publish(PassSigned pass) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PASSES_SIGNED.name(),
                pass.resultId().toString(), json.writeValueAsBytes(pass));
        record.headers().add(EventHeaders.TYPE, PASS_SIGNED_TYPE);
        return kafka.send(record);
    }

    /** Sends every pending record at once and waits until each is acknowledged or has failed. */
    void flush() {
        kafka.flush();
    }

    CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> original, String reason) {
        return deadLetters.deadLetter(original, Topics.RESULTS, reason);
    }
}

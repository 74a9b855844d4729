package io.tampon.qr.issuing;

import io.tampon.contracts.Topics;
import io.tampon.contracts.events.EventHeaders;
import io.tampon.contracts.events.PassIssued;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import io.tampon.spring.DeadLetterPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Publishes issued passes, and signed passes that can never be rendered to the dead-letter topic. */
@Component
class IssuedPassPublisher {

    private static final byte[] TYPE =
            EventHeaders.type(PassIssued.TYPE, PassIssued.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final DeadLetterPublisher deadLetters;

    IssuedPassPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, DeadLetterPublisher deadLetters) {
        this.kafka = kafka;
        this.json = json;
        this.deadLetters = deadLetters;
    }

    CompletableFuture<?> publish(PassIssued pass) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PASSES_ISSUED.name(),
                pass.resultId().toString(), json.writeValueAsBytes(pass));
        record.headers().add(EventHeaders.TYPE, TYPE);
        return kafka.send(record);
    }

    CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> original, String reason) {
        return deadLetters.deadLetter(original, Topics.PASSES_SIGNED, reason);
    }
}

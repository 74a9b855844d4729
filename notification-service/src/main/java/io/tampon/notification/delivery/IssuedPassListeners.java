package io.tampon.notification.delivery;

import io.tampon.contracts.Topics;
import io.tampon.contracts.events.PassIssued;
import io.tampon.spring.DeadLetterPublisher;
import io.tampon.stage.ResultStageRepository;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One consumer group per channel on the issued-passes topic: an SMS outage pauses only the SMS consumers, email
 * keeps flowing. A provider's 429 or 5xx is thrown to the error handler, which backs off and retries the record,
 * pausing that channel's partition: the provider is down for everyone, so pausing is the right back-pressure (the
 * topic is the buffer). Permanent failures go to the dead-letter topic and mark the result FAILED.
 */
@Component
class IssuedPassListeners {

    private static final Logger log = LoggerFactory.getLogger(IssuedPassListeners.class);

    private final Notifier notifier;
    private final DeadLetterPublisher deadLetters;
    private final ResultStageRepository stages;
    private final JsonMapper json;
    private final Clock clock;

    IssuedPassListeners(Notifier notifier, DeadLetterPublisher deadLetters, ResultStageRepository stages,
                        JsonMapper json, Clock clock) {
        this.notifier = notifier;
        this.deadLetters = deadLetters;
        this.stages = stages;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(id = "email-notifier", idIsGroup = false,
            groupId = "${tampon.notification.group:notification-service}-email",
            topics = "#{T(io.tampon.contracts.Topics).PASSES_ISSUED.name()}")
    void email(ConsumerRecord<String, byte[]> record) throws Exception {
        handle(record, Channel.EMAIL);
    }

    @KafkaListener(id = "sms-notifier", idIsGroup = false,
            groupId = "${tampon.notification.group:notification-service}-sms",
            topics = "#{T(io.tampon.contracts.Topics).PASSES_ISSUED.name()}")
    void sms(ConsumerRecord<String, byte[]> record) throws Exception {
        handle(record, Channel.SMS);
    }

    private void handle(ConsumerRecord<String, byte[]> record, Channel channel) throws Exception {
        PassIssued pass;
        try {
            pass = json.readValue(record.value(), PassIssued.class);
            if (pass.schemaVersion() != PassIssued.SCHEMA_VERSION || pass.passId() == null
                    || pass.linkToken() == null) {
                throw new IllegalArgumentException("not a PassIssued v1");
            }
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            if (channel == Channel.EMAIL) { // one dead letter per record, not one per channel
                deadLetters.deadLetter(record, Topics.PASSES_ISSUED, "UNREADABLE: not a PassIssued v1 ("
                        + e.getClass().getSimpleName() + ")").get(30, TimeUnit.SECONDS);
            }
            return;
        }
        try {
            notifier.deliver(pass, channel);
        } catch (io.tampon.notification.delivery.DeliveryException e) {
            if (!e.permanent()) {
                log.warn("{} for result {} not delivered yet ({}); retrying with back-off", channel,
                        pass.resultId(), e.getMessage());
                throw e;
            }
            log.warn("{} for result {} can never be delivered: {}", channel, pass.resultId(), e.getMessage());
            deadLetters.deadLetter(record, Topics.PASSES_ISSUED, channel + ": " + e.getMessage())
                    .get(30, TimeUnit.SECONDS);
            stages.markFailed(pass.resultId(), pass.pharmacyId(), clock.instant(), channel + ": " + e.getMessage())
                    .toCompletableFuture().join();
        }
    }
}

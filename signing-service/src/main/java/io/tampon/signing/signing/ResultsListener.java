package io.tampon.signing.signing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tampon.contracts.events.PassSigned;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.stage.ResultStageRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes accepted results in batches, signs each, and returns only once every pass, dead letter and stage of the
 * batch is acknowledged; the container then commits the batch's offsets (at-least-once). A failure to publish or
 * record throws, and the whole batch is retried: deterministic signing makes the retry publish identical bytes.
 */
@Component
class ResultsListener {

    private static final Logger log = LoggerFactory.getLogger(ResultsListener.class);

    private final PassFactory passes;
    private final PassPublisher publisher;
    private final ResultStageRepository stages;
    private final JsonMapper json;
    private final ObjectReader resultReader;
    private final Clock clock;
    private final Duration ackTimeout;
    private final Counter signed;
    private final Counter deadLettered;
    private final Timer signLatency;
    private final DistributionSummary batchSize;

    ResultsListener(PassFactory passes, PassPublisher publisher, ResultStageRepository stages, JsonMapper json,
                    Clock clock, MeterRegistry meters,
                    @Value("${tampon.signing.ack-timeout:30s}") Duration ackTimeout) {
        this.passes = passes;
        this.publisher = publisher;
        this.stages = stages;
        this.json = json;
        // Resolved once, not per record.
        this.resultReader = json.readerFor(ResultReceived.class);
        this.clock = clock;
        this.ackTimeout = ackTimeout;
        this.signed = meters.counter("tampon.signing.records", "outcome", "signed");
        this.deadLettered = meters.counter("tampon.signing.records", "outcome", "dead_lettered");
        this.signLatency = Timer.builder("tampon.signing.sign").description("time to build and sign one pass")
                .publishPercentileHistogram().register(meters);
        this.batchSize = DistributionSummary.builder("tampon.signing.batch.size").register(meters);
    }

    // The group comes from spring.kafka.consumer.group-id, not from the listener id.
    @KafkaListener(id = "signing-service", idIsGroup = false,
            topics = "#{T(io.tampon.contracts.Topics).RESULTS.name()}", batch = "true")
    void onResults(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        batchSize.record(records.size());
        List<CompletableFuture<?>> pending = new ArrayList<>(records.size() + 1);
        List<ResultStageRepository.Signed> stagesSigned = new ArrayList<>(records.size());
        Instant now = clock.instant();
        int signedInBatch = 0;
        int rejectedInBatch = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ResultReceived result = parse(record);
                long started = System.nanoTime();
                PassSigned pass = passes.sign(result);
                signLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                pending.add(publisher.publish(pass));
                stagesSigned.add(new ResultStageRepository.Signed(result.resultId(), result.pharmacyId(),
                        result.receivedAt(), now));
                signedInBatch++;
            } catch (RejectedResultException e) {
                log.warn("dead-lettering result {} (partition {}, offset {}): {}", record.key(), record.partition(),
                        record.offset(), e.reason());
                pending.add(publisher.deadLetter(record, e.reason()));
                resultId(record).ifPresent(id -> pending.add(stages.markFailed(id, pharmacyOf(record), clock.instant(),
                        e.reason()).toCompletableFuture()));
                rejectedInBatch++;
            }
        }
        // The poll's SIGNED stages go as a few replica-grouped batches, not one request each.
        pending.add(stages.markSigned(stagesSigned).toCompletableFuture());
        // Sends what is still lingering now, instead of after linger.ms: the producer lingers long so that a poll's
        // passes travel in full batches, and nothing else is coming for this poll.
        publisher.flush();
        awaitAll(pending);
        signed.increment(signedInBatch);
        deadLettered.increment(rejectedInBatch);
    }

    private ResultReceived parse(ConsumerRecord<String, byte[]> record) throws RejectedResultException {
        if (record.value() == null) {
            throw new RejectedResultException("UNREADABLE: empty record");
        }
        try {
            ResultReceived result = resultReader.readValue(record.value());
            if (result.resultId() != null && !result.resultId().toString().equals(record.key())) {
                throw new RejectedResultException("INVALID_RESULT: key does not match resultId");
            }
            return result;
        } catch (JacksonException e) {
            // The parser's message may quote the payload: only its kind is kept.
            throw new RejectedResultException("UNREADABLE: not a ResultReceived v1 JSON document ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static java.util.Optional<UUID> resultId(ConsumerRecord<String, byte[]> record) {
        try {
            return java.util.Optional.of(UUID.fromString(record.key()));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private String pharmacyOf(ConsumerRecord<String, byte[]> record) {
        try {
            var node = json.readTree(record.value());
            return node.path("pharmacyId").isString() ? node.get("pharmacyId").asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void awaitAll(List<CompletableFuture<?>> pending) throws Exception {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("batch not acknowledged within " + ackTimeout + "; it will be retried");
        }
    }
}

package io.tampon.qr.issuing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tampon.contracts.events.PassIssued;
import io.tampon.contracts.events.PassSigned;
import io.tampon.dcc.DccException;
import io.tampon.dcc.qr.QrRenderer;
import io.tampon.qr.config.QrProperties;
import io.tampon.qr.link.LinkTokens;
import io.tampon.stage.ResultStageRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders, stores and announces each signed pass. Offsets are committed only after the batch's rows, stages and
 * events are all acknowledged; when Cassandra or Kafka is down, the batch fails and the error handler backs off
 * (the consumer is paused meanwhile) and retries it: nothing is skipped, nothing is dead-lettered for an outage.
 */
@Component
class SignedPassesListener {

    private static final Logger log = LoggerFactory.getLogger(SignedPassesListener.class);

    private final PassRepository passes;
    private final IssuedPassPublisher publisher;
    private final ResultStageRepository stages;
    private final LinkTokens tokens;
    private final QrRenderer renderer = new QrRenderer();
    private final int moduleSize;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter issued;
    private final Counter deadLettered;
    private final Timer renderTime;
    private final Timer writeLatency;

    SignedPassesListener(PassRepository passes, IssuedPassPublisher publisher, ResultStageRepository stages,
                         LinkTokens tokens, QrProperties properties, JsonMapper json, Clock clock,
                         MeterRegistry meters) {
        this.passes = passes;
        this.publisher = publisher;
        this.stages = stages;
        this.tokens = tokens;
        this.moduleSize = properties.moduleSize();
        this.json = json;
        this.clock = clock;
        this.issued = meters.counter("tampon.qr.passes", "outcome", "issued");
        this.deadLettered = meters.counter("tampon.qr.passes", "outcome", "dead_lettered");
        this.renderTime = Timer.builder("tampon.qr.render").publishPercentileHistogram().register(meters);
        this.writeLatency = Timer.builder("tampon.qr.write").description("time for Cassandra to store a pass")
                .publishPercentileHistogram().register(meters);
    }

    @KafkaListener(id = "qr-service", idIsGroup = false,
            topics = "#{T(io.tampon.contracts.Topics).PASSES_SIGNED.name()}", batch = "true")
    void onSignedPasses(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        List<CompletableFuture<?>> pending = new ArrayList<>(records.size() * 3);
        int issuedInBatch = 0;
        int rejectedInBatch = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            PassSigned signed;
            StoredPass pass;
            try {
                signed = json.readValue(record.value(), PassSigned.class);
                if (signed.schemaVersion() != PassSigned.SCHEMA_VERSION || signed.resultId() == null
                        || signed.hc1() == null) {
                    throw new IllegalArgumentException("not a PassSigned v1");
                }
                long started = System.nanoTime();
                byte[] png = renderer.png(signed.hc1(), moduleSize);
                renderTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                pass = StoredPass.of(PassIssued.passIdFor(signed.resultId()), signed.resultId(), signed.hc1(), png,
                        signed.language() == null ? "FR" : signed.language().name());
            } catch (JacksonException | IllegalArgumentException | DccException | ClassCastException
                     | NullPointerException | IndexOutOfBoundsException e) {
                String reason = (e instanceof DccException dcc ? dcc.error().name() : "UNREADABLE")
                        + ": not a renderable PassSigned v1 (" + e.getClass().getSimpleName() + ")";
                log.warn("dead-lettering signed pass {} (partition {}, offset {}): {}", record.key(),
                        record.partition(), record.offset(), reason);
                pending.add(publisher.deadLetter(record, reason));
                rejectedInBatch++;
                continue;
            }
            PassIssued event = new PassIssued(PassIssued.SCHEMA_VERSION, pass.passId(), signed.resultId(),
                    signed.pharmacyId(), tokens.tokenFor(pass.passId()), pass.issuedAt(), pass.expiresAt(),
                    signed.mobile(), signed.email(), signed.language());
            // Announced only once stored: a link sent to a patient must already open.
            long writeStarted = System.nanoTime();
            pending.add(passes.save(pass)
                    .whenComplete((stored, error) -> writeLatency.record(System.nanoTime() - writeStarted,
                            TimeUnit.NANOSECONDS))
                    .thenCompose(stored -> publisher.publish(event)));
            pending.add(stages.markIssued(signed.resultId(), signed.pharmacyId(), clock.instant())
                    .toCompletableFuture());
            issuedInBatch++;
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        issued.increment(issuedInBatch);
        deadLettered.increment(rejectedInBatch);
    }
}

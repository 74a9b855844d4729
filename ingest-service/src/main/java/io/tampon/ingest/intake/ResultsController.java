package io.tampon.ingest.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.ingest.auth.ApiKeys;
import io.tampon.ingest.config.IngestProperties;
import io.tampon.ingest.intake.IntakeResponses.Accepted;
import io.tampon.ingest.intake.IntakeResponses.BatchItem;
import io.tampon.ingest.intake.IntakeResponses.BatchRequest;
import io.tampon.ingest.intake.IntakeResponses.BatchResponse;
import io.tampon.ingest.problem.Problem;
import io.tampon.ingest.problem.Problem.InvalidParam;
import io.tampon.ingest.problem.Problems;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pharmacy API. A 202 means Kafka has the result; a 503 means it does not and the pharmacy must retry (the same
 * {@code externalRef} always maps to the same resultId, so retrying is always safe).
 */
@Controller("/v1/results")
@ExecuteOn(TaskExecutors.BLOCKING)
class ResultsController {

    private final ApiKeys apiKeys;
    private final RateLimiter rateLimiter;
    private final ResultValidator validator;
    private final ResultAcceptance acceptance;
    private final IngestProperties properties;
    private final MeterRegistry meters;

    ResultsController(ApiKeys apiKeys, RateLimiter rateLimiter, ResultAcceptance acceptance,
                      IngestProperties properties, MeterRegistry meters, Clock clock) {
        this.apiKeys = apiKeys;
        this.rateLimiter = rateLimiter;
        this.validator = new ResultValidator(clock);
        this.acceptance = acceptance;
        this.properties = properties;
        this.meters = meters;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> post(@Body ResultRequest request, @Header("Authorization") @Nullable String authorization) {
        Optional<String> pharmacy = apiKeys.pharmacyFor(authorization);
        if (pharmacy.isEmpty()) {
            return count("unauthorized", Problems.unauthorized());
        }
        RateLimiter.Decision decision = rateLimiter.tryAcquire(pharmacy.get(), 1);
        if (!decision.allowed()) {
            return count("rate_limited", Problems.tooManyRequests(decision.retryAfterSeconds()));
        }
        ResultValidator.Outcome outcome = validator.validate(pharmacy.get(), request);
        if (!outcome.valid()) {
            outcome.invalid().forEach(p -> meters.counter("tampon.ingest.rejections", "field", p.name()).increment());
            return count("rejected", Problems.response(Problem.invalid(outcome.invalid())));
        }
        ResultReceived event = outcome.event();
        if (!acceptance.accept(List.of(event))[0]) {
            return count("unavailable", Problems.unavailable(2,
                    "the result was NOT accepted; retry with the same externalRef"));
        }
        Accepted accepted = Accepted.of(event.resultId());
        return count("accepted", HttpResponse.accepted(URI.create(accepted.statusUrl())).body(accepted));
    }

    @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> batch(@Body BatchRequest request, @Header("Authorization") @Nullable String authorization) {
        Optional<String> pharmacy = apiKeys.pharmacyFor(authorization);
        if (pharmacy.isEmpty()) {
            return count("unauthorized", Problems.unauthorized());
        }
        List<ResultRequest> items = request == null || request.results() == null ? List.of() : request.results();
        if (items.isEmpty() || items.size() > properties.maxBatchSize()) {
            return count("rejected", Problems.response(Problem.invalid(List.of(new InvalidParam("results",
                    "1 to " + properties.maxBatchSize() + " results")))));
        }
        RateLimiter.Decision decision = rateLimiter.tryAcquire(pharmacy.get(), items.size());
        if (!decision.allowed()) {
            return count("rate_limited", Problems.tooManyRequests(decision.retryAfterSeconds()));
        }
        List<BatchItem> outcomes = new ArrayList<>(items.size());
        List<ResultReceived> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ResultValidator.Outcome outcome = validator.validate(pharmacy.get(), items.get(i));
            if (outcome.valid()) {
                valid.add(outcome.event());
                validIndexes.add(i);
                outcomes.add(null);
            } else {
                outcomes.add(new BatchItem(i, "REJECTED", null, outcome.invalid()));
            }
        }
        boolean[] accepted = acceptance.accept(valid);
        int acceptedCount = 0;
        for (int v = 0; v < valid.size(); v++) {
            int index = validIndexes.get(v);
            outcomes.set(index, new BatchItem(index, accepted[v] ? "ACCEPTED" : "UNAVAILABLE",
                    valid.get(v).resultId(), null));
            acceptedCount += accepted[v] ? 1 : 0;
        }
        int unavailable = valid.size() - acceptedCount;
        if (acceptedCount == 0 && unavailable > 0) {
            return count("unavailable", Problems.unavailable(2,
                    "no result of the batch was accepted; retry the whole batch"));
        }
        meters.counter("tampon.ingest.batch.items", "outcome", "accepted").increment(acceptedCount);
        return count("batch", HttpResponse.ok(new BatchResponse(acceptedCount, items.size() - valid.size(),
                unavailable, outcomes)));
    }

    private HttpResponse<?> count(String outcome, HttpResponse<?> response) {
        meters.counter("tampon.ingest.requests", "outcome", outcome).increment();
        return response;
    }
}

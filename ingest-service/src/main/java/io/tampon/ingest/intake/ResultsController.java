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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
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
    private final AdmissionLimit admission;
    private final IngestProperties properties;
    private final MeterRegistry meters;

    ResultsController(ApiKeys apiKeys, RateLimiter rateLimiter, ResultAcceptance acceptance,
                      AdmissionLimit admission, IngestProperties properties, MeterRegistry meters, Clock clock) {
        this.apiKeys = apiKeys;
        this.rateLimiter = rateLimiter;
        this.validator = new ResultValidator(clock);
        this.acceptance = acceptance;
        this.admission = admission;
        this.properties = properties;
        this.meters = meters;
    }

    @Operation(summary = "Post one test result",
            description = "202 only once the result is durably in Kafka. Posting the same externalRef again returns "
                    + "the same resultId. Unknown fields are ignored.")
    @SecurityRequirement(name = "pharmacyKey")
    @ApiResponse(responseCode = "202", description = "accepted; follow Location for its stage",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "401", description = "missing or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "invalid fields, each named in invalidParams",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "this pharmacy's rate limit; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "NOT accepted (Kafka unavailable or overloaded); retry after "
            + "Retry-After with the same externalRef",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> post(@Body ResultRequest request, @Header("Authorization") @Nullable String authorization) {
        Optional<String> pharmacy = apiKeys.pharmacyFor(authorization);
        if (pharmacy.isEmpty()) {
            return count("unauthorized", Problems.unauthorized());
        }
        // Admission before the rate limit: a request refused for capacity must not spend the pharmacy's tokens.
        if (!admission.tryAdmit(1)) {
            return atCapacity();
        }
        try {
            RateLimiter.Decision decision = rateLimiter.tryAcquire(pharmacy.get(), 1);
            if (!decision.allowed()) {
                return count("rate_limited", Problems.tooManyRequests(decision.retryAfterSeconds()));
            }
            ResultValidator.Outcome outcome = validator.validate(pharmacy.get(), request);
            if (!outcome.valid()) {
                outcome.invalid().forEach(p -> meters.counter("tampon.ingest.rejections", "field", p.name())
                        .increment());
                return count("rejected", Problems.response(Problem.invalid(outcome.invalid())));
            }
            ResultReceived event = outcome.event();
            if (!acceptance.accept(List.of(event))[0]) {
                return count("unavailable", Problems.unavailable(2,
                        "the result was NOT accepted; retry with the same externalRef"));
            }
            Accepted accepted = Accepted.of(event.resultId());
            return count("accepted", HttpResponse.accepted(URI.create(accepted.statusUrl())).body(accepted));
        } finally {
            admission.release(1);
        }
    }

    @Operation(summary = "Post up to 500 results",
            description = "Each item is ACCEPTED (in Kafka), REJECTED (with its invalid fields) or UNAVAILABLE "
                    + "(resend later with the same externalRef).")
    @SecurityRequirement(name = "pharmacyKey")
    @ApiResponse(responseCode = "200", description = "per-item outcomes",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @ApiResponse(responseCode = "401", description = "missing or unknown API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "invalid fields, each named in invalidParams",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "this pharmacy's rate limit; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "NOT accepted (Kafka unavailable or overloaded); retry after "
            + "Retry-After with the same externalRef",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
        if (!admission.tryAdmit(items.size())) {
            return atCapacity();
        }
        try {
            RateLimiter.Decision decision = rateLimiter.tryAcquire(pharmacy.get(), items.size());
            if (!decision.allowed()) {
                return count("rate_limited", Problems.tooManyRequests(decision.retryAfterSeconds()));
            }
            return acceptBatch(pharmacy.get(), items);
        } finally {
            admission.release(items.size());
        }
    }

    private HttpResponse<?> acceptBatch(String pharmacy, List<ResultRequest> items) {
        List<BatchItem> outcomes = new ArrayList<>(items.size());
        List<ResultReceived> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ResultValidator.Outcome outcome = validator.validate(pharmacy, items.get(i));
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

    private HttpResponse<?> atCapacity() {
        return count("at_capacity", AdmissionLimit.atCapacity());
    }

    private HttpResponse<?> count(String outcome, HttpResponse<?> response) {
        meters.counter("tampon.ingest.requests", "outcome", outcome).increment();
        return response;
    }
}

package io.tampon.ingest.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tampon.ingest.auth.ApiKeys;
import io.tampon.ingest.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.tampon.ingest.problem.Problem;
import java.util.Optional;
import java.util.UUID;

/** {@code GET /v1/results/{resultId}}: readable only by the pharmacy that posted the result; anyone else gets 404. */
@Controller("/v1/results")
@ExecuteOn(TaskExecutors.BLOCKING)
class StatusController {

    private final ApiKeys apiKeys;
    private final StageStore stages;

    StatusController(ApiKeys apiKeys, StageStore stages) {
        this.apiKeys = apiKeys;
        this.stages = stages;
    }

    @Operation(summary = "Where a result stands: RECEIVED, SIGNED, ISSUED, NOTIFIED or FAILED (with a reason)")
    @SecurityRequirement(name = "pharmacyKey")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatusResponse.class)))
    @ApiResponse(responseCode = "404", description = "unknown, or posted by another pharmacy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "status temporarily unavailable (results are still accepted)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(value = "/{resultId}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> status(@PathVariable String resultId, @Header("Authorization") @Nullable String authorization) {
        Optional<String> pharmacy = apiKeys.pharmacyFor(authorization);
        if (pharmacy.isEmpty()) {
            return Problems.unauthorized();
        }
        UUID id;
        try {
            id = UUID.fromString(resultId);
        } catch (IllegalArgumentException e) {
            return Problems.notFound();
        }
        try {
            return stages.find(pharmacy.get(), id)
                    .<HttpResponse<?>>map(status -> HttpResponse.ok(StatusResponse.of(status)))
                    .orElseGet(Problems::notFound);
        } catch (StageStore.StatusUnavailableException e) {
            return Problems.unavailable(5, "result status is temporarily unavailable; results are still accepted");
        }
    }
}

package io.tampon.ingest.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Problem responses used by the controllers. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status())).contentType(PROBLEM_JSON)
                .body(problem);
    }

    public static MutableHttpResponse<Problem> unauthorized() {
        return response(Problem.of("unauthorized", "Missing or unknown API key", 401,
                "send your pharmacy's API key as 'Authorization: Bearer <key>'"))
                .header("WWW-Authenticate", "Bearer realm=\"tampon\"");
    }

    public static MutableHttpResponse<Problem> tooManyRequests(long retryAfterSeconds) {
        return response(Problem.of("rate-limited", "Too many results from this pharmacy", 429,
                "slow down and retry after the delay in Retry-After"))
                .header("Retry-After", Long.toString(retryAfterSeconds));
    }

    public static MutableHttpResponse<Problem> unavailable(long retryAfterSeconds, String detail) {
        return response(Problem.of("unavailable", "Results cannot be accepted right now", 503, detail))
                .header("Retry-After", Long.toString(retryAfterSeconds));
    }

    public static MutableHttpResponse<Problem> notFound() {
        return response(Problem.of("not-found", "No such result", 404,
                "no result with this id was posted by your pharmacy"));
    }
}

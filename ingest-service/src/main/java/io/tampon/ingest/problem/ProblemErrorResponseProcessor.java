package io.tampon.ingest.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error the framework raises (unreadable body, wrong media type, too large, unknown route...) as RFC 9457
 * problem+json. The framework's own messages are not passed on: they can quote the request body.
 */
@Singleton
@Primary
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Problem problem = switch (status) {
            case BAD_REQUEST -> Problem.of("malformed-request", "The request cannot be read", 400,
                    "the body must be a JSON document of the documented shape");
            case UNSUPPORTED_MEDIA_TYPE -> Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "send application/json");
            case REQUEST_ENTITY_TOO_LARGE -> Problem.of("too-large", "The request is too large", 413,
                    "split it into smaller batches");
            case NOT_FOUND -> Problem.of("not-found", "Not found", 404, "no such resource");
            case METHOD_NOT_ALLOWED -> Problem.of("method-not-allowed", "Method not allowed", 405, null);
            case NOT_ACCEPTABLE -> Problem.of("not-acceptable", "Not acceptable", 406,
                    "this API answers application/json and application/problem+json");
            default -> status.getCode() >= 500
                    ? Problem.of("internal-error", "Internal error", status.getCode(), "please retry later")
                    : Problem.of("error", status.getReason(), status.getCode(), null);
        };
        if (status.getCode() >= 500) {
            log.error("{} on {} {}", status.getCode(), errorContext.getRequest().getMethod(),
                    errorContext.getRequest().getPath(), errorContext.getRootCause().orElse(null));
        } else {
            log.info("{} on {} {}", status.getCode(), errorContext.getRequest().getMethod(),
                    errorContext.getRequest().getPath());
        }
        return response.contentType(Problems.PROBLEM_JSON).body(problem);
    }
}

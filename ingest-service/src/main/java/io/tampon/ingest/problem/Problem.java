package io.tampon.ingest.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code invalidParams} names every invalid field; no field echoes what was sent.
 */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail,
                      @Nullable List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://tampon.example/problems/";

    /** @param reason what is wrong with it, e.g. "required" or "must be E.164 (+33612345678)" */
    @Serdeable
    public record InvalidParam(String name, String reason) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }

    public static Problem invalid(List<InvalidParam> invalidParams) {
        return new Problem(TYPE_BASE + "invalid-result", "The result is not valid", 422,
                invalidParams.size() + " invalid field(s); nothing was accepted", List.copyOf(invalidParams));
    }
}

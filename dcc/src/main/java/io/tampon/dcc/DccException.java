package io.tampon.dcc;

import java.util.Objects;

/** The one exception of the codec; {@link #error()} says what failed. Messages never contain personal data. */
public final class DccException extends RuntimeException {

    private final DccError error;

    public DccException(DccError error, String message) {
        super(error + ": " + message);
        this.error = Objects.requireNonNull(error);
    }

    public DccException(DccError error, String message, Throwable cause) {
        super(error + ": " + message, cause);
        this.error = Objects.requireNonNull(error);
    }

    public DccError error() {
        return error;
    }
}

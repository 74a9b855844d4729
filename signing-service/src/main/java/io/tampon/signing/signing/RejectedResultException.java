package io.tampon.signing.signing;

/**
 * A result that can never become a pass (unreadable, invalid, unknown version). Not retried: it goes to the
 * dead-letter topic with {@link #reason()}, which names fields and codes, never personal data.
 */
class RejectedResultException extends Exception {

    private final String reason;

    RejectedResultException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}

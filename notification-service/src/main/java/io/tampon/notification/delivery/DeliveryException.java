package io.tampon.notification.delivery;

/**
 * A provider refused a message. {@link #permanent()} failures (invalid address or number) will never succeed and go
 * to the dead-letter topic; the others (429, 5xx, connection refused) are retried with back-off.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String reason, boolean permanent) {
        super(reason, null, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}

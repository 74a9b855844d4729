package io.tampon.contracts.events;

/**
 * Kafka header names used across services. Types are logical names with a version, never Java class names, so a
 * consumer written in anything can read them.
 */
public final class EventHeaders {

    /** Logical event type and version, e.g. {@code ResultReceived/1}. */
    public static final String TYPE = "tampon-type";
    /** Why a record was dead-lettered (an error code and a short text without personal data). */
    public static final String DLT_REASON = "tampon-dlt-reason";
    public static final String DLT_ORIGINAL_TOPIC = "tampon-dlt-original-topic";
    public static final String DLT_ORIGINAL_PARTITION = "tampon-dlt-original-partition";
    public static final String DLT_ORIGINAL_OFFSET = "tampon-dlt-original-offset";
    public static final String DLT_SERVICE = "tampon-dlt-service";

    private EventHeaders() {
    }

    public static String type(String name, int version) {
        return name + "/" + version;
    }
}

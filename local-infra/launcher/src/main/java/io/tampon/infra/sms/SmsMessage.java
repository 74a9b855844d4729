package io.tampon.infra.sms;

import java.time.Instant;

/** One SMS as the gateway stand-in received it. */
public record SmsMessage(String id, String from, String to, String text, Instant receivedAt) {
}

package io.tampon.notification.delivery;

/** Ways to reach a patient; each is delivered and retried independently of the other. */
public enum Channel {
    EMAIL,
    SMS
}

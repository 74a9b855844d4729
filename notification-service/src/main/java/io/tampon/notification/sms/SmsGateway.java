package io.tampon.notification.sms;

import io.tampon.notification.delivery.DeliveryException;

/** An SMS provider. Another provider plugs in by implementing this and nothing else. */
public interface SmsGateway {

    /** Returns the provider's message id; throws a permanent or transient {@link DeliveryException}. */
    String send(String toE164, String text) throws DeliveryException;
}

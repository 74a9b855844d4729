package io.tampon.notification.delivery;

import io.tampon.notification.config.NotificationProperties;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;

/**
 * Keeps each channel under its provider's rate: a sender waits for its slot instead of being refused by the
 * provider. Each channel has its own pace, so a slow SMS provider never slows email.
 */
@Component
class ChannelPacer {

    private final Map<Channel, Long> intervalNanos = new EnumMap<>(Channel.class);
    private final Map<Channel, Long> nextSlot = new EnumMap<>(Channel.class);

    ChannelPacer(NotificationProperties properties) {
        intervalNanos.put(Channel.EMAIL, 1_000_000_000L / properties.emailPerSecond());
        intervalNanos.put(Channel.SMS, 1_000_000_000L / properties.smsPerSecond());
        nextSlot.put(Channel.EMAIL, 0L);
        nextSlot.put(Channel.SMS, 0L);
    }

    void awaitSlot(Channel channel) {
        long slot;
        synchronized (nextSlot) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot.get(channel));
            nextSlot.put(channel, slot + intervalNanos.get(channel));
        }
        // parkNanos may return early: wait until the slot has really come.
        for (long wait = slot - System.nanoTime(); wait > 0; wait = slot - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}

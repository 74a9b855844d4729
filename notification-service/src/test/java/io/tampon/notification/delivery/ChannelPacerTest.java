package io.tampon.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.notification.config.NotificationProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChannelPacerTest {

    @Test
    void keepsEachChannelUnderItsRateWithoutSlowingTheOther() {
        ChannelPacer pacer = new ChannelPacer(new NotificationProperties("http://x", "a@b.c", Duration.ofMinutes(5),
                1000, 20, new NotificationProperties.Sms("http://x", "u", null, "T"),
                new NotificationProperties.Smtp(Duration.ofSeconds(30), 100)));
        long started = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            pacer.awaitSlot(Channel.SMS);
        }
        long smsMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(smsMillis >= 450, "11 SMS at 20/s take at least 0.5 s, took " + smsMillis + " ms");

        started = System.nanoTime();
        pacer.awaitSlot(Channel.EMAIL);
        long emailMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(emailMillis < 400, "email has its own pace, took " + emailMillis + " ms");
    }
}

package io.tampon.notification.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.contracts.events.Language;
import io.tampon.infra.mail.MailSink;
import io.tampon.infra.process.FreePorts;
import io.tampon.notification.config.NotificationProperties;
import io.tampon.notification.delivery.DeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Kept SMTP connections, against a real SMTP server (GreenMail, in this JVM). */
class SmtpConnectionsTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private MailSink sink;
    private JavaMailSenderImpl mail;

    @BeforeEach
    void start() {
        sink = MailSink.start(FreePorts.next());
        mail = new JavaMailSenderImpl();
        mail.setHost(sink.host());
        mail.setPort(sink.smtpPort());
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void messagesInARowShareOneConnectionAndAllArrive() throws Exception {
        SmtpConnections connections = connections(Duration.ofSeconds(30), 100);
        EmailSender sender = sender(connections);
        SmtpConnections.Connection first = connections.acquire();
        connections.release(first);

        for (int i = 0; i < 5; i++) {
            sender.send("patient" + i + "@example.org", Messages.email(Language.FR, "http://x/p/t" + i), PNG);
        }

        assertTrue(sink.awaitMessages(5, Duration.ofSeconds(10)));
        assertEquals(1, connections.idleCount(), "one connection carried all five");
        SmtpConnections.Connection again = connections.acquire();
        assertSame(first, again);
        assertTrue(again.transport.isConnected());
        connections.destroy();
    }

    @Test
    void aConnectionIsReplacedAfterItsMessageCapOrWhenIdleTooLong() throws Exception {
        SmtpConnections connections = connections(Duration.ofSeconds(30), 2);
        SmtpConnections.Connection first = connections.acquire();
        connections.release(first);
        assertSame(first, connections.acquire());
        connections.release(first); // second message: the cap is reached, it is closed
        assertEquals(0, connections.idleCount());
        assertFalse(first.transport.isConnected());

        SmtpConnections.Connection second = connections.acquire();
        assertNotSame(first, second);
        connections.release(second);
        clock.advance(Duration.ofSeconds(31));
        SmtpConnections.Connection third = connections.acquire();
        assertNotSame(second, third, "idle past max-idle: a fresh connection");
        assertFalse(second.transport.isConnected());
        connections.destroy();
    }

    @Test
    void aConnectionTheServerDroppedIsNotUsedAfterAPause() throws Exception {
        SmtpConnections connections = connections(Duration.ofSeconds(30), 100);
        EmailSender sender = sender(connections);
        sender.send("before@example.org", Messages.email(Language.EN, "http://x/p/a"), PNG);
        int port = sink.smtpPort();
        sink.close(); // the provider restarts: every open connection is gone
        sink = MailSink.start(port);
        clock.advance(Duration.ofSeconds(5)); // long enough for a NOOP check before reuse

        sender.send("after@example.org", Messages.email(Language.EN, "http://x/p/b"), PNG);

        assertTrue(sink.awaitMessages(1, Duration.ofSeconds(10)));
        assertEquals("after@example.org", sink.received().get(0).getAllRecipients()[0].toString());
    }

    @Test
    void anUnreachableServerIsATransientFailureAndAnInvalidAddressAPermanentOne() throws Exception {
        SmtpConnections connections = connections(Duration.ofSeconds(30), 100);
        EmailSender sender = sender(connections);
        DeliveryException invalid = assertThrows(DeliveryException.class,
                () -> sender.send("not an address", Messages.email(Language.FR, "http://x/p/a"), PNG));
        assertTrue(invalid.permanent());

        sink.close();
        DeliveryException down = assertThrows(DeliveryException.class,
                () -> sender.send("a@example.org", Messages.email(Language.FR, "http://x/p/a"), PNG));
        assertFalse(down.permanent(), "retried later: " + down.getMessage());
        assertEquals(0, connections.idleCount());
        sink = MailSink.start(FreePorts.next());
    }

    private SmtpConnections connections(Duration maxIdle, int maxMessages) {
        return new SmtpConnections(mail, clock, properties(maxIdle, maxMessages));
    }

    private EmailSender sender(SmtpConnections connections) throws Exception {
        return new EmailSender(mail, connections, properties(Duration.ofSeconds(30), 100));
    }

    private static NotificationProperties properties(Duration maxIdle, int maxMessages) {
        return new NotificationProperties("http://x", "Tampon <passes@tampon.local>", Duration.ofMinutes(5), 20, 10,
                new NotificationProperties.Sms("http://x", "u", null, "T"),
                new NotificationProperties.Smtp(maxIdle, maxMessages));
    }

    private static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}

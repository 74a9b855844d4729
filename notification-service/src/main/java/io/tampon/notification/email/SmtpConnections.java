package io.tampon.notification.email;

import io.tampon.notification.config.NotificationProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Open SMTP connections kept between messages. Opening one costs a TCP (and in production TLS) handshake, EHLO and
 * AUTH: several round trips and more CPU than the message itself, which made email the slowest stage when every
 * message had its own connection. Each connection is used by one sender at a time; one that failed is discarded,
 * one idle for longer than {@code max-idle} (the server may have dropped it) or that carried
 * {@code max-messages-per-connection} (providers cap it) is closed instead of reused.
 */
@Component
public class SmtpConnections implements DisposableBean {

    private static final Duration CHECK_AFTER = Duration.ofSeconds(2);

    private final JavaMailSenderImpl mail;
    private final Clock clock;
    private final Duration maxIdle;
    private final int maxMessages;
    private final BlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    SmtpConnections(JavaMailSenderImpl mail, Clock clock, NotificationProperties properties) {
        this.mail = mail;
        this.clock = clock;
        this.maxIdle = properties.smtp().maxIdle();
        this.maxMessages = properties.smtp().maxMessagesPerConnection();
    }

    /** An open connection for this caller alone; hand it back with {@link #release} or {@link #discard}. */
    Connection acquire() throws MessagingException {
        Instant now = clock.instant();
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            Duration idleFor = Duration.between(connection.idleSince, now);
            // A connection used a moment ago is taken as is; after a pause, a NOOP checks it is still there.
            if (idleFor.compareTo(maxIdle) < 0
                    && (idleFor.compareTo(CHECK_AFTER) < 0 || connection.transport.isConnected())) {
                return connection;
            }
            connection.close();
        }
        Transport transport = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
        transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        return new Connection(transport);
    }

    /** After a message was sent: the connection goes back for the next one (most recently used first). */
    void release(Connection connection) {
        connection.sent++;
        connection.idleSince = clock.instant();
        if (connection.sent >= maxMessages) {
            connection.close();
        } else {
            idle.offerFirst(connection);
        }
    }

    /** After a failure: the connection's state is unknown, so it is never reused. */
    void discard(Connection connection) {
        connection.close();
    }

    int idleCount() {
        return idle.size();
    }

    @Override
    public void destroy() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }

    /** One SMTP session with the provider. */
    static final class Connection {

        final Transport transport;
        private int sent;
        private Instant idleSince;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        private void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // QUIT on a dead connection: nothing left to release.
            }
        }
    }
}

package io.tampon.infra.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives, for tests and the local run. It runs inside
 * the JVM that uses it: it starts in milliseconds, and tests read what it received through its API.
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail greenMail;

    private MailSink(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static MailSink start(int smtpPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                // Any sender may deliver to any address: this is a sink, not a mail system.
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailSink(greenMail);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** True once at least {@code count} messages have arrived, false if the timeout passed first. */
    public boolean awaitMessages(int count, Duration timeout) {
        return greenMail.waitForIncomingEmail(timeout.toMillis(), count);
    }

    /** Forgets every message received so far. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("cannot purge the mail sink", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

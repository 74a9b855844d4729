package io.tampon.system.inbox;

import io.tampon.infra.mail.MailSink;
import io.tampon.infra.sms.SmsGatewayStandIn;
import io.tampon.infra.sms.SmsMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the patients of the local run received, as files anyone can open: every email as an {@code .eml} file
 * (double-click opens it in a mail client, QR included) under {@code mail/}, every SMS as a text file under
 * {@code sms/}. Copied from the sinks every half second.
 */
public final class Inbox implements AutoCloseable {

    private final MailSink mail;
    private final SmsGatewayStandIn sms;
    private final Path mailDir;
    private final Path smsDir;
    private final Set<String> copied = new HashSet<>();
    private final ScheduledExecutorService copier;
    private final String runPrefix = Long.toString(System.currentTimeMillis(), 36);
    private long sequence;

    private Inbox(MailSink mail, SmsGatewayStandIn sms, Path dir) throws IOException {
        this.mail = mail;
        this.sms = sms;
        this.mailDir = Files.createDirectories(dir.resolve("mail"));
        this.smsDir = Files.createDirectories(dir.resolve("sms"));
        this.copier = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tampon-inbox");
            t.setDaemon(true);
            return t;
        });
    }

    public static Inbox start(MailSink mail, SmsGatewayStandIn sms, Path dir) {
        try {
            Inbox inbox = new Inbox(mail, sms, dir);
            inbox.copier.scheduleWithFixedDelay(inbox::copyQuietly, 500, 500, TimeUnit.MILLISECONDS);
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the inbox in " + dir, e);
        }
    }

    public Path mailDir() {
        return mailDir;
    }

    public Path smsDir() {
        return smsDir;
    }

    /** Copies what arrived since the last copy; returns how many files were written. */
    public synchronized int copyNew() {
        int written = 0;
        try {
            for (MimeMessage message : mail.received()) {
                String id = "mail:" + message.getMessageID();
                if (copied.add(id)) {
                    String to = message.getAllRecipients() == null ? "unknown"
                            : message.getAllRecipients()[0].toString();
                    try (OutputStream out = Files.newOutputStream(mailDir.resolve(fileName(to, "eml")))) {
                        message.writeTo(out);
                    }
                    written++;
                }
            }
            for (SmsMessage message : sms.received()) {
                if (copied.add("sms:" + message.id())) {
                    Files.writeString(smsDir.resolve(fileName(message.to(), "txt")),
                            "From: " + message.from() + "\nTo: " + message.to() + "\nReceived: "
                                    + message.receivedAt() + "\n\n" + message.text() + "\n");
                    written++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy to the inbox", e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read a received message", e);
        }
        return written;
    }

    /** Names sort in arrival order and stay unique across runs that keep the same folder. */
    private String fileName(String recipient, String extension) {
        String safe = recipient.replaceAll("[^A-Za-z0-9@._+-]", "_");
        return "%s-%06d-%s.%s".formatted(runPrefix, ++sequence, safe, extension);
    }

    private void copyQuietly() {
        try {
            copyNew();
        } catch (RuntimeException e) {
            System.err.println("[tampon] inbox: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        copier.shutdownNow();
        copyNew();
    }
}

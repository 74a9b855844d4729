package io.tampon.notification.email;

import io.tampon.notification.config.NotificationProperties;
import io.tampon.notification.delivery.DeliveryException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP: HTML and plain-text parts, the QR inline, the private link; French or English. Sent over a kept
 * connection ({@link SmtpConnections}).
 */
@Component
public class EmailSender {

    private final JavaMailSenderImpl mail;
    private final SmtpConnections connections;
    private final InternetAddress from;

    public EmailSender(JavaMailSenderImpl mail, SmtpConnections connections, NotificationProperties properties)
            throws AddressException {
        this.mail = mail;
        this.connections = connections;
        this.from = InternetAddress.parse(properties.emailFrom())[0];
    }

    /**
     * Returns the message id. Permanent (never retried): an invalid address, or one the server refused outright
     * (5xx on RCPT). Everything else is transient: the record is retried with back-off.
     */
    public String send(String to, Messages.Message message, byte[] qrPng) throws DeliveryException {
        MimeMessage mime;
        try {
            InternetAddress recipient = new InternetAddress(to, true);
            mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient);
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            helper.addInline("qr", new ByteArrayResource(qrPng), "image/png");
            mime.setSentDate(new Date());
            mime.saveChanges();
        } catch (AddressException e) {
            throw new DeliveryException("EMAIL_ADDRESS_INVALID", true);
        } catch (MessagingException e) {
            throw new DeliveryException("EMAIL_NOT_BUILT: " + e.getClass().getSimpleName(), true);
        }
        SmtpConnections.Connection connection;
        try {
            connection = connections.acquire();
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("EMAIL_AUTHENTICATION_FAILED", false);
        } catch (MessagingException e) {
            throw new DeliveryException("EMAIL_UNAVAILABLE: " + e.getClass().getSimpleName(), false);
        }
        try {
            connection.transport.sendMessage(mime, mime.getAllRecipients());
            connections.release(connection);
            String id = mime.getMessageID();
            return id == null ? "sent" : id;
        } catch (SendFailedException e) {
            connections.discard(connection);
            Address[] invalid = e.getInvalidAddresses();
            throw new DeliveryException("EMAIL_REFUSED", invalid != null && invalid.length > 0);
        } catch (MessagingException | RuntimeException e) {
            connections.discard(connection);
            throw new DeliveryException("EMAIL_UNAVAILABLE: " + e.getClass().getSimpleName(), false);
        }
    }
}

package io.tampon.notification.email;

import io.tampon.notification.config.NotificationProperties;
import io.tampon.notification.delivery.DeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email over SMTP: HTML and plain-text parts, the QR inline, the private link; French or English. */
@Component
public class EmailSender {

    private final JavaMailSender mail;
    private final String from;

    public EmailSender(JavaMailSender mail, NotificationProperties properties) {
        this.mail = mail;
        this.from = properties.emailFrom();
    }

    /** Returns the message id; an invalid address is permanent, everything else transient. */
    public String send(String to, Messages.Message message, byte[] qrPng) throws DeliveryException {
        try {
            InternetAddress recipient = new InternetAddress(to, true);
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(InternetAddress.parse(from)[0]);
            helper.setTo(recipient);
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            helper.addInline("qr", new ByteArrayResource(qrPng), "image/png");
            mail.send(mime);
            return mime.getMessageID() == null ? "sent" : mime.getMessageID();
        } catch (AddressException e) {
            throw new DeliveryException("EMAIL_ADDRESS_INVALID", true);
        } catch (MailSendException e) {
            boolean rejectedRecipient = e.getFailedMessages().values().stream()
                    .anyMatch(SendFailedException.class::isInstance);
            throw new DeliveryException("EMAIL_REFUSED", rejectedRecipient);
        } catch (MailAuthenticationException e) {
            throw new DeliveryException("EMAIL_AUTHENTICATION_FAILED", false);
        } catch (MailException | MessagingException e) {
            throw new DeliveryException("EMAIL_UNAVAILABLE: " + e.getClass().getSimpleName(), false);
        }
    }
}

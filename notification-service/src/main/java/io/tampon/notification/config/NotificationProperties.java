package io.tampon.notification.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How patients are told ({@code tampon.notification.*}), validated at start.
 *
 * @param pageBaseUrl    what patients' links start with (qr-service's public address)
 * @param claimTimeout   after this long, a claim left by a crashed worker may be taken over (see docs)
 * @param emailPerSecond provider limit for email
 * @param smsPerSecond   provider limit for SMS
 * @param smtp           how SMTP connections are kept between messages
 */
@ConfigurationProperties("tampon.notification")
public record NotificationProperties(@DefaultValue("http://127.0.0.1:8083") String pageBaseUrl,
                                     @DefaultValue("Tampon <passes@tampon.local>") String emailFrom,
                                     @DefaultValue("5m") Duration claimTimeout,
                                     @DefaultValue("20") int emailPerSecond,
                                     @DefaultValue("10") int smsPerSecond,
                                     @DefaultValue Sms sms,
                                     @DefaultValue Smtp smtp) {

    public NotificationProperties {
        if (!pageBaseUrl.startsWith("http://") && !pageBaseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("tampon.notification.page-base-url must be an http(s) URL");
        }
        if (emailPerSecond < 1 || smsPerSecond < 1) {
            throw new IllegalArgumentException("tampon.notification.*-per-second must be >= 1");
        }
    }

    /**
     * SMTP connections kept open between messages (see {@link io.tampon.notification.email.SmtpConnections}).
     *
     * @param maxIdle                   a connection unused for this long is closed, not reused
     * @param maxMessagesPerConnection  providers cap messages per connection (some at 30)
     */
    public record Smtp(@DefaultValue("30s") Duration maxIdle,
                       @DefaultValue("100") int maxMessagesPerConnection) {

        public Smtp {
            if (maxIdle.isNegative() || maxMessagesPerConnection < 1) {
                throw new IllegalArgumentException(
                        "tampon.notification.smtp: max-idle must be >= 0 and max-messages-per-connection >= 1");
            }
        }
    }

    /**
     * The SMS gateway (see {@link io.tampon.notification.sms.HttpSmsGateway} for the request format).
     *
     * @param password from a Secret: {@code TAMPON_NOTIFICATION_SMS_PASSWORD}
     */
    public record Sms(@DefaultValue("http://127.0.0.1:8025/v1/messages") String url,
                      @DefaultValue("tampon") String user,
                      String password,
                      @DefaultValue("Tampon") String sender) {
    }
}

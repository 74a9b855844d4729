package io.tampon.qr.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passes are rendered, kept and linked ({@code tampon.qr.*}), validated at start.
 *
 * @param linkSecret            key of the link tokens' HMAC (≥ 32 bytes, from a Secret: TAMPON_QR_LINK_SECRET)
 * @param linkSecretFile        local runs only: where a generated development secret is kept
 * @param retention             how long a pass stays stored after it expires
 * @param moduleSize            pixels per QR module of the stored PNG (6 px ≈ 600 px wide: phone and print)
 * @param pageRequestsPerMinute requests per client address to the patient pages (token enumeration guard)
 */
@ConfigurationProperties("tampon.qr")
public record QrProperties(String linkSecret,
                           Path linkSecretFile,
                           @DefaultValue("30d") Duration retention,
                           @DefaultValue("6") int moduleSize,
                           @DefaultValue("60") int pageRequestsPerMinute) {

    public QrProperties {
        if (moduleSize < 2 || moduleSize > 16) {
            throw new IllegalArgumentException("tampon.qr.module-size must be 2-16 pixels");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("tampon.qr.retention must not be negative");
        }
        if (pageRequestsPerMinute < 1) {
            throw new IllegalArgumentException("tampon.qr.page-requests-per-minute must be >= 1");
        }
    }
}

package io.tampon.qr.link;

import io.tampon.qr.config.QrProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The patient's private link token: the pass id followed by 128 bits of HMAC-SHA256(secret, pass id), base64url.
 * Unguessable without the secret, yet the same for a pass every time, so re-processing never invalidates a link
 * already sent; the pass id inside lets one read by primary key serve the page. Compared in constant time.
 */
@Component
public class LinkTokens {

    private static final int MAC_BYTES = 16;
    private final SecretKeySpec key;

    @Autowired
    public LinkTokens(QrProperties properties) {
        this(secret(properties));
    }

    LinkTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("tampon.qr.link-secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String tokenFor(UUID passId) {
        byte[] id = bytes(passId);
        byte[] token = Arrays.copyOf(id, 16 + MAC_BYTES);
        System.arraycopy(mac(id), 0, token, 16, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The pass id of a genuine token; empty for anything else (malformed, forged, truncated). */
    public Optional<UUID> passIdOf(String token) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (decoded.length != 16 + MAC_BYTES
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(token)) {
            return Optional.empty(); // also refuses non-canonical spellings of a genuine token
        }
        byte[] id = Arrays.copyOf(decoded, 16);
        byte[] expected = Arrays.copyOf(mac(id), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(decoded, 16, decoded.length))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(id);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }

    private byte[] mac(byte[] id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the JDK", e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private static byte[] secret(QrProperties properties) {
        if (properties.linkSecret() != null && !properties.linkSecret().isBlank()) {
            return properties.linkSecret().getBytes(StandardCharsets.UTF_8);
        }
        Path file = properties.linkSecretFile();
        if (file == null) {
            throw new IllegalStateException("tampon.qr.link-secret (env TAMPON_QR_LINK_SECRET) is required");
        }
        try {
            if (!Files.exists(file)) {
                byte[] generated = new byte[32];
                new SecureRandom().nextBytes(generated);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("tampon.qr.link-secret-file: cannot use " + file, e);
        }
    }
}

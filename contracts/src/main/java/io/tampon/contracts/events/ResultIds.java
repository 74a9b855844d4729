package io.tampon.contracts.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based result ids (RFC 9562 UUID version 5): the same pharmacy and external reference always give the same
 * id, so an integration that retries a post never causes a second pass downstream.
 */
public final class ResultIds {

    /** Tampon's namespace for result ids (a fixed random UUID). */
    static final UUID NAMESPACE = UUID.fromString("7c4e2d0a-5b1f-4c3e-9a8d-2f6b1e0c9d47");

    private ResultIds() {
    }

    public static UUID of(String pharmacyId, String externalRef) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits()).array());
            // A separator that cannot occur in a pharmacy id keeps ("a", "bc") and ("ab", "c") apart.
            sha1.update((pharmacyId + "\u0000" + externalRef).getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha1.digest();
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
    }
}

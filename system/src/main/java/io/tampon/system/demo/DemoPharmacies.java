package io.tampon.system.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The development pharmacies of the local run: {@code pharmacy-dev} (key {@code dev-pharmacy-key}, configured in
 * ingest-service itself) and {@code demo-ph-001…} whose keys the demo and the end-to-end tests use, so that a
 * thousand results come from many pharmacies, each within its own rate limit, as they would in real life.
 *
 * <p>Their keys are deterministic and public: they exist only in the local run's keys file.
 */
public final class DemoPharmacies {

    public static final Credential DEV = new Credential("pharmacy-dev", "dev-pharmacy-key");

    private DemoPharmacies() {
    }

    /** A pharmacy and the API key it sends as a bearer token. */
    public record Credential(String pharmacyId, String apiKey) {

        @Override
        public String toString() {
            return "Credential[" + pharmacyId + "]"; // never the key
        }
    }

    public static List<Credential> all(int count) {
        List<Credential> credentials = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            credentials.add(new Credential(("demo-ph-" + digits(count)).formatted(i),
                    keyFormat(count).formatted(i)));
        }
        return credentials;
    }

    /** The format of the i-th pharmacy's key among {@code count} (three digits at least): for the load tool. */
    public static String keyFormat(int count) {
        return "demo-key-" + digits(count);
    }

    private static String digits(int count) {
        return "%0" + Math.max(3, Integer.toString(count).length()) + "d";
    }

    /** Writes the {@code pharmacyId:sha256hex} file that ingest-service reads; returns its path. */
    public static Path writeKeysFile(Path file, int count) {
        StringBuilder lines = new StringBuilder("# local run only: the demo pharmacies (see DemoPharmacies)\n");
        for (Credential credential : all(count)) {
            lines.append(credential.pharmacyId()).append(':').append(sha256(credential.apiKey())).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo pharmacies' keys to " + file, e);
        }
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

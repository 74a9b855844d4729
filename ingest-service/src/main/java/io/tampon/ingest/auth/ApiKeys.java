package io.tampon.ingest.auth;

import io.micronaut.scheduling.annotation.Scheduled;
import io.tampon.ingest.config.IngestProperties;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pharmacies' API keys, stored only as SHA-256 hashes: a leaked configuration reveals no key. The keys file is
 * re-read when it changes, so a key can be added or revoked without a restart.
 */
@Singleton
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final String BEARER = "Bearer ";

    private final IngestProperties properties;
    private volatile Map<String, String> pharmacyByHash;
    private volatile FileTime loadedVersion;

    public ApiKeys(IngestProperties properties) {
        this.properties = properties;
        reload();
    }

    /** The pharmacy a {@code Authorization: Bearer <key>} header belongs to, if the key is known. */
    public Optional<String> pharmacyFor(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return Optional.empty();
        }
        String key = authorization.substring(BEARER.length()).strip();
        if (key.isEmpty() || key.length() > 256) {
            return Optional.empty();
        }
        return Optional.ofNullable(pharmacyByHash.get(hash(key)));
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void reloadIfChanged() {
        Path file = properties.apiKeysFile();
        if (file == null) {
            return;
        }
        try {
            if (!Files.getLastModifiedTime(file).equals(loadedVersion)) {
                reload();
            }
        } catch (IOException e) {
            log.warn("cannot check the API keys file {}: {}", file, e.getMessage());
        }
    }

    final synchronized void reload() {
        Map<String, String> byHash = new HashMap<>();
        properties.apiKeys().forEach((pharmacy, hash) -> byHash.put(normalise(hash, pharmacy), pharmacy));
        Path file = properties.apiKeysFile();
        if (file != null) {
            try {
                FileTime version = Files.getLastModifiedTime(file);
                for (String line : Files.readAllLines(file)) {
                    String entry = line.strip();
                    if (entry.isEmpty() || entry.startsWith("#")) {
                        continue;
                    }
                    int colon = entry.lastIndexOf(':');
                    if (colon <= 0) {
                        throw new IllegalStateException("tampon.ingest.api-keys-file: a line is not pharmacyId:sha256");
                    }
                    String pharmacy = entry.substring(0, colon).strip();
                    byHash.put(normalise(entry.substring(colon + 1), pharmacy), pharmacy);
                }
                loadedVersion = version;
            } catch (IOException e) {
                throw new IllegalStateException("tampon.ingest.api-keys-file: cannot read " + file, e);
            }
        }
        pharmacyByHash = Map.copyOf(byHash);
        log.info("{} pharmacy API keys loaded", byHash.size());
    }

    private static String normalise(String hash, String pharmacy) {
        String hex = hash.strip().toLowerCase();
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException("the API key hash of pharmacy " + pharmacy + " is not SHA-256 hex");
        }
        return hex;
    }
}

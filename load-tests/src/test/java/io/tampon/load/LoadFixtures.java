package io.tampon.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Writes what a load run needs: the hashes of the simulated pharmacies' API keys (for ingest-service) and realistic
 * result events (for Kafka's ProducerPerformance baseline, so both sides move the same bytes).
 *
 * <p>{@code LoadFixtures <dir> [pharmacies]}
 */
public final class LoadFixtures {

    private LoadFixtures() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int pharmacies = args.length > 1 ? Integer.parseInt(args[1]) : 12_000;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        StringBuilder keys = new StringBuilder();
        for (int i = 1; i <= pharmacies; i++) {
            keys.append(Pharmacies.id(i)).append(':').append(HexFormat.of().formatHex(
                    sha256.digest(Pharmacies.key(i).getBytes(StandardCharsets.UTF_8)))).append('\n');
        }
        Files.writeString(dir.resolve("api-keys.txt"), keys);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            UUID id = UUID.randomUUID();
            events.add(("{\"schemaVersion\":1,\"resultId\":\"%s\",\"pharmacyId\":\"%s\",\"externalRef\":\"LOAD-%s\","
                    + "\"receivedAt\":\"%s\",\"sampleCollectedAt\":\"%s\",\"testType\":\"RAPID_ANTIGEN\","
                    + "\"deviceId\":\"1232\",\"result\":\"NEGATIVE\",\"testCentre\":\"Pharmacie des Lilas, Lyon\","
                    + "\"patient\":{\"familyName\":\"%s\",\"givenName\":\"%s\",\"dateOfBirth\":\"1984-03-07\","
                    + "\"mobile\":\"+33612345678\",\"email\":\"patient@example.org\",\"language\":\"FR\"}}")
                    .formatted(id, Pharmacies.id(1 + i % pharmacies), id, Instant.now(), Instant.now(),
                            Pharmacies.FAMILY_NAMES[i % Pharmacies.FAMILY_NAMES.length],
                            Pharmacies.GIVEN_NAMES[i % Pharmacies.GIVEN_NAMES.length]));
        }
        Files.write(dir.resolve("payloads.txt"), events);
        System.out.printf("wrote %d pharmacy key hashes and %d result events (~%d bytes each) to %s%n", pharmacies,
                events.size(), events.get(0).length(), dir);
    }
}

package io.tampon.ingest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tampon.ingest.auth.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An ingest-service started in the test JVM against given Kafka/Cassandra, and a plain HTTP client to call it. */
final class IngestServer implements AutoCloseable {

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    IngestServer(String kafka, String cassandra, Path keysDir, List<String> pharmacies, Map<String, Object> extra)
            throws IOException {
        StringBuilder keys = new StringBuilder("# test keys\n");
        for (String pharmacy : pharmacies) {
            keys.append(pharmacy).append(':').append(ApiKeys.hash(keyOf(pharmacy))).append('\n');
        }
        Path keysFile = Files.writeString(Files.createTempFile(keysDir, "api-keys", ".txt"), keys);
        Map<String, Object> properties = new HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "tampon.kafka.bootstrap-servers", kafka,
                "tampon.cassandra.contact-point", cassandra,
                "tampon.ingest.api-keys-file", keysFile.toString()));
        properties.putAll(extra);
        this.server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    static String keyOf(String pharmacy) {
        return "key-of-" + pharmacy;
    }

    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    HttpResponse<String> post(String path, String pharmacy, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (pharmacy != null) {
            request.header("Authorization", "Bearer " + keyOf(pharmacy));
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path, String pharmacy) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (pharmacy != null) {
            request.header("Authorization", "Bearer " + keyOf(pharmacy));
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String result(String externalRef) {
        return """
                {"externalRef":"%s","sampleCollectedAt":"%s","testType":"RAPID_ANTIGEN","deviceId":"1232",
                 "result":"NEGATIVE","testCentre":"Pharmacie des Lilas","unknownField":"ignored",
                 "patient":{"familyName":"Lefèvre-Dupont","givenName":"Amélie","dateOfBirth":"1984-03-07",
                            "mobile":"+33612345678","email":"amelie@example.org","language":"fr"}}
                """.formatted(externalRef, java.time.Instant.now().minusSeconds(3600));
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}

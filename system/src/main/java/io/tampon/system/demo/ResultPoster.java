package io.tampon.system.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tampon.system.demo.DemoPharmacies.Credential;
import io.tampon.system.demo.SampleResults.Sample;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Posts samples the way a well-behaved pharmacy integration does: in batches per pharmacy, and on {@code 429} or
 * {@code 503} (or items answered UNAVAILABLE) it waits for {@code Retry-After} and sends again with the same
 * externalRef, which the edge turns into the same result id.
 */
public final class ResultPoster {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 100;
    private static final int PHARMACIES_AT_ONCE = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI batchUri;

    public ResultPoster(String ingestUrl) {
        this.batchUri = URI.create(ingestUrl + "/v1/results/batch");
    }

    /** The edge's answer to one sample. */
    public record Outcome(Sample sample, UUID resultId, List<String> invalidFields) {

        public boolean accepted() {
            return resultId != null;
        }
    }

    /**
     * Posts every sample and returns one outcome per sample. Pharmacies post side by side (as they do in life); each
     * one sends its own results in batches of 100, one batch after the other.
     */
    public List<Outcome> post(List<Sample> samples) throws InterruptedException {
        Map<Credential, List<Sample>> byPharmacy = new LinkedHashMap<>();
        for (Sample sample : samples) {
            byPharmacy.computeIfAbsent(sample.pharmacy(), p -> new ArrayList<>()).add(sample);
        }
        ExecutorService pharmacies = Executors.newFixedThreadPool(PHARMACIES_AT_ONCE);
        try {
            List<Future<List<Outcome>>> posted = new ArrayList<>();
            for (var entry : byPharmacy.entrySet()) {
                posted.add(pharmacies.submit(() -> {
                    List<Sample> own = entry.getValue();
                    List<Outcome> outcomes = new ArrayList<>(own.size());
                    for (int from = 0; from < own.size(); from += BATCH) {
                        outcomes.addAll(postBatch(entry.getKey(),
                                own.subList(from, Math.min(own.size(), from + BATCH))));
                    }
                    return outcomes;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>(samples.size());
            for (Future<List<Outcome>> one : posted) {
                outcomes.addAll(one.get());
            }
            return outcomes;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pharmacies.shutdownNow();
        }
    }

    private List<Outcome> postBatch(Credential pharmacy, List<Sample> batch) throws InterruptedException {
        List<Outcome> done = new ArrayList<>();
        List<Sample> pending = new ArrayList<>(batch);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 30) {
                throw new IllegalStateException("ingest-service did not accept " + pending.size()
                        + " results after 30 attempts");
            }
            HttpResponse<String> response = send(pharmacy, pending);
            if (response == null || response.statusCode() == 429 || response.statusCode() == 503) {
                Thread.sleep(retryAfter(response).toMillis());
                continue;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ingest-service answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode items = readTree(response.body()).path("items");
            List<Sample> again = new ArrayList<>();
            for (JsonNode item : items) {
                Sample sample = pending.get(item.path("index").asInt());
                switch (item.path("outcome").asText()) {
                    case "ACCEPTED" -> done.add(new Outcome(sample, UUID.fromString(item.path("resultId").asText()),
                            List.of()));
                    case "REJECTED" -> {
                        List<String> fields = new ArrayList<>();
                        item.path("invalidParams").forEach(p -> fields.add(p.path("name").asText()));
                        done.add(new Outcome(sample, null, fields));
                    }
                    default -> again.add(sample);
                }
            }
            pending = again;
            if (!pending.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        return done;
    }

    private HttpResponse<String> send(Credential pharmacy, List<Sample> samples) throws InterruptedException {
        try {
            String body = JSON.writeValueAsString(Map.of("results", samples.stream().map(Sample::body).toList()));
            HttpRequest request = HttpRequest.newBuilder(batchUri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + pharmacy.apiKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null; // not reachable right now: wait and send again, like any integration should
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        if (response == null) {
            return Duration.ofSeconds(1);
        }
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Math.min(30, Math.max(1, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(1);
            }
        }).orElse(Duration.ofSeconds(1));
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("ingest-service answered something that is not JSON", e);
        }
    }
}

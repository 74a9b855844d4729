package io.tampon.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.infra.LocalInfrastructure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Property-based fuzzing of the request parser and validator: whatever a client sends, never a 5xx. */
class RequestFuzzIT {

    private static IngestServer server;

    @BeforeContainer
    static void start() throws IOException {
        LocalInfrastructure infra = LocalInfrastructure.shared();
        server = new IngestServer(infra.kafkaBootstrapServers(), infra.cassandraContactPoint().getHostString() + ":"
                + infra.cassandraContactPoint().getPort(), Files.createTempDirectory("fuzz"),
                java.util.List.of("ph-fuzz"), java.util.Map.of("tampon.ingest.burst", 100_000,
                        "tampon.ingest.rate-per-second", 100_000));
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 300)
    void noBodyCausesAServerError(@ForAll("bodies") String body) {
        HttpResponse<String> single = server.post("/v1/results", "ph-fuzz", "application/json", body);
        assertTrue(single.statusCode() < 500, () -> single.statusCode() + " for a fuzzed body");
        HttpResponse<String> batch = server.post("/v1/results/batch", "ph-fuzz", "application/json",
                "{\"results\":[" + body + "]}");
        assertTrue(batch.statusCode() < 500, () -> batch.statusCode() + " for a fuzzed batch");
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<String> jsonValue = Arbitraries.oneOf(
                text.map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.integers().map(String::valueOf), Arbitraries.of("true", "false", "null", "[]", "{}",
                        "1e309", "-0", "\"2026-11-27T08:30:00Z\"", "\"RAPID_ANTIGEN\"", "\"+33612345678\""));
        Arbitrary<String> field = Arbitraries.of("externalRef", "sampleCollectedAt", "testType", "deviceId",
                "testName", "result", "testCentre", "patient", "familyName", "language", "x");
        Arbitrary<String> object = Arbitraries.maps(field, jsonValue).ofMaxSize(8).map(map -> {
            StringBuilder json = new StringBuilder("{");
            map.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                    .append(v));
            return json.append('}').toString();
        });
        Arbitrary<String> nested = object.map(o -> o.replace("\"patient\":{}", "\"patient\":" + o));
        return Arbitraries.oneOf(text, object, nested, object.map(o -> o.substring(0, o.length() / 2)),
                Arbitraries.of("", "[", "{\"patient\":[1,2]}", "{\"patient\":\"x\"}", "\u0000", "[{}]", "null"));
    }
}

package io.tampon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge starts and stays honest with no broker and no database: alive, not ready, and never a false 202. */
class WithoutItsDependenciesTest {

    private static IngestServer server;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free once closed: nothing listens there
        }
        server = new IngestServer("127.0.0.1:" + closedPort, "127.0.0.1:" + closedPort, dir, List.of("ph-a"),
                Map.of("tampon.ingest.accept-deadline", "1s"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void isAliveButNotReady() {
        assertEquals(200, server.get("/health/liveness", null).statusCode());
        HttpResponse<String> readiness = server.get("/health/readiness", null);
        assertEquals(503, readiness.statusCode(), readiness.body());
        assertTrue(readiness.body().contains("kafka"), readiness.body());
    }

    @Test
    void refusesResultsWithRetryAfterInsteadOfPretending() {
        long started = System.nanoTime();
        HttpResponse<String> response = server.post("/v1/results", "ph-a", "application/json",
                IngestServer.result("R-" + UUID.randomUUID()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("2", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("NOT accepted"), response.body());
        assertTrue(millis < 5_000, "answers within the deadline, took " + millis + " ms");
    }

    @Test
    void saysTheStatusIsTemporarilyUnavailable() {
        assertEquals(503, server.get("/v1/results/" + UUID.randomUUID(), "ph-a").statusCode());
    }
}

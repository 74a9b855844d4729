package io.tampon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
class HealthTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void answersItsHealthCheck() {
        HttpResponse<String> response = client.toBlocking().exchange("/health", String.class);
        assertEquals(200, response.getStatus().getCode());
        assertTrue(response.body().contains("UP"), response.body());
    }
}

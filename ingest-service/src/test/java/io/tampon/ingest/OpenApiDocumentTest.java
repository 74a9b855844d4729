package io.tampon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed API document (docs/openapi) is the one the build generates from the code. */
class OpenApiDocumentTest {

    @Test
    void theCommittedDocumentMatchesTheGeneratedOne() throws IOException {
        String generated;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/swagger/tampon-pharmacy-api-1.yml")) {
            assertNotNull(in, "the build generates the OpenAPI document");
            generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path committed = Path.of("..", "docs", "openapi", "pharmacy-api.yml");
        assertEquals(generated, Files.readString(committed), "docs/openapi/pharmacy-api.yml is stale: copy "
                + "ingest-service/target/classes/META-INF/swagger/tampon-pharmacy-api-1.yml over it");
    }
}

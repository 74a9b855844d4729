package io.tampon.system.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPharmaciesTest {

    @Test
    void theKeysFileHoldsOnlyHashesInTheFormatIngestReads(@TempDir Path dir) throws Exception {
        Path file = DemoPharmacies.writeKeysFile(dir.resolve("sub").resolve("keys.txt"), 3);
        List<String> entries = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(3, entries.size());
        assertEquals("demo-ph-001:" + DemoPharmacies.sha256("demo-key-001"), entries.get(0));
        assertFalse(Files.readString(file).contains("demo-key-"), "no key in clear");
        // The same hash function as the dev pharmacy configured in ingest-service's application.yml.
        assertEquals("0c91cdfbab7c699a2ef5088f89a97dfb1c77c82e0fd9be5a51a69447c4bb3e88",
                DemoPharmacies.sha256(DemoPharmacies.DEV.apiKey()));
        assertTrue(DemoPharmacies.all(3).toString().contains("demo-ph-003"));
        assertFalse(DemoPharmacies.all(3).toString().contains("demo-key"), "toString never shows a key");
    }
}

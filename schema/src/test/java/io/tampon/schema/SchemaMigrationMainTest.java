package io.tampon.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.schema.SchemaMigrationMain.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaMigrationMainTest {

    private static final String NTS = "{'class': 'NetworkTopologyStrategy', 'dc1': 3}";

    @Test
    void theJobsEnvironmentIsReadWithDefaults() {
        Settings settings = Settings.of(Map.of("TAMPON_CASSANDRA_CONTACT_POINT", "tampon-dc1-service:9042",
                "TAMPON_CASSANDRA_REPLICATION", NTS, "TAMPON_CASSANDRA_USERNAME", "tampon-superuser",
                "TAMPON_CASSANDRA_PASSWORD", "s3cret"));
        assertEquals("tampon-dc1-service", settings.contactPoint().getHostString());
        assertEquals(9042, settings.contactPoint().getPort());
        assertEquals("tampon", settings.keyspace());
        assertEquals("datacenter1", settings.localDatacenter());
        assertEquals(NTS, settings.replication());
        assertFalse(settings.toString().contains("s3cret"), "never the password");
    }

    @Test
    void missingOrMalformedSettingsAreRefusedByName() {
        Map<String, String> env = new HashMap<>(Map.of("TAMPON_CASSANDRA_REPLICATION", NTS));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.of(env)).getMessage()
                .contains("TAMPON_CASSANDRA_CONTACT_POINT"));
        env.put("TAMPON_CASSANDRA_CONTACT_POINT", "no-port");
        assertThrows(IllegalArgumentException.class, () -> Settings.of(env));
        env.put("TAMPON_CASSANDRA_CONTACT_POINT", "host:9042");
        env.put("TAMPON_CASSANDRA_KEYSPACE", "x; DROP KEYSPACE tampon");
        assertThrows(IllegalArgumentException.class, () -> Settings.of(env));
        env.remove("TAMPON_CASSANDRA_KEYSPACE");
        env.put("TAMPON_CASSANDRA_REPLICATION", "3");
        assertThrows(IllegalArgumentException.class, () -> Settings.of(env));
        env.put("TAMPON_CASSANDRA_REPLICATION", NTS);
        env.put("TAMPON_CASSANDRA_USERNAME", "only-a-user");
        assertThrows(IllegalArgumentException.class, () -> Settings.of(env));
    }
}

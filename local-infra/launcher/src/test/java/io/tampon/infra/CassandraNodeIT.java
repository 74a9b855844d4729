package io.tampon.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.tampon.infra.junit.LocalInfraTest;
import io.tampon.schema.Migration;
import io.tampon.schema.SchemaMigrator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@LocalInfraTest
class CassandraNodeIT {

    @Test
    void preparedStatementsWriteAndReadARow(LocalInfrastructure infra) {
        UUID resultId = UUID.randomUUID();
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (CqlSession session = infra.newCqlSession()) {
            PreparedStatement insert = session.prepare(
                    "INSERT INTO result_stage (result_id, pharmacy_id, received_at) VALUES (?, ?, ?)");
            PreparedStatement select = session.prepare(
                    "SELECT pharmacy_id, received_at, signed_at FROM result_stage WHERE result_id = ?");
            session.execute(insert.bind(resultId, "pharmacy-42", received));

            Row row = session.execute(select.bind(resultId)).one();
            assertEquals("pharmacy-42", row.getString("pharmacy_id"));
            assertEquals(received, row.getInstant("received_at"));
            assertNull(row.getInstant("signed_at"));
        }
    }

    @Test
    void theSchemaIsAppliedOnceAndReapplyingChangesNothing(LocalInfrastructure infra) {
        try (CqlSession session = infra.newCqlSession()) {
            SchemaMigrator migrator = new SchemaMigrator(session, infra.keyspace(), ServerSet.LOCAL_REPLICATION);
            int bundled = Migration.bundled().size();
            assertEquals(bundled, migrator.appliedVersions().size());
            assertTrue(migrator.migrate().isEmpty(), "a second run applies nothing");
            assertEquals(bundled, migrator.appliedVersions().size());
        }
    }

    @Test
    void aFreshKeyspaceGetsEveryMigration(LocalInfrastructure infra) {
        String keyspace = "migration_it_" + Long.toHexString(System.nanoTime());
        try (CqlSession session = infra.newCqlSession()) {
            SchemaMigrator migrator = new SchemaMigrator(session, keyspace, ServerSet.LOCAL_REPLICATION);
            assertEquals(Migration.bundled().size(), migrator.migrate().size());
            assertTrue(session.getMetadata().getKeyspace(keyspace).orElseThrow()
                    .getTable("result_stage").isPresent());
            session.execute("DROP KEYSPACE " + keyspace);
        }
    }
}

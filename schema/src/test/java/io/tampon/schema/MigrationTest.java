package io.tampon.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void bundledMigrationsAreNumberedFromOneAndNotEmpty() {
        List<Migration> migrations = Migration.bundled();
        assertFalse(migrations.isEmpty());
        for (int i = 0; i < migrations.size(); i++) {
            assertEquals(i + 1, migrations.get(i).version());
            assertFalse(migrations.get(i).statements().isEmpty(), migrations.get(i).name());
        }
    }

    @Test
    void everyBundledStatementIsIdempotent() {
        for (Migration migration : Migration.bundled()) {
            for (String statement : migration.statements()) {
                String upper = statement.toUpperCase();
                assertTrue(upper.contains("IF NOT EXISTS") || upper.startsWith("DROP ") && upper.contains(" IF EXISTS "),
                        () -> migration.name() + " has a statement that fails when re-applied: " + statement);
            }
        }
    }

    @Test
    void splitsStatementsAndDropsComments() {
        Migration migration = Migration.parse("V002__two.cql",
                "-- a comment; with a semicolon\nCREATE TABLE IF NOT EXISTS a (id int PRIMARY KEY);\n"
                        + "CREATE TABLE IF NOT EXISTS b (\n id int PRIMARY KEY\n);\n");
        assertEquals(2, migration.version());
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS a (id int PRIMARY KEY)",
                "CREATE TABLE IF NOT EXISTS b (\n id int PRIMARY KEY\n)"), migration.statements());
    }

    @Test
    void rejectsBadFileNames() {
        assertThrows(IllegalArgumentException.class, () -> Migration.parse("create.cql", "x"));
    }
}

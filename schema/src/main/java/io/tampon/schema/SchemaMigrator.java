package io.tampon.schema;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the versioned CQL files to a keyspace, idempotently: it records each applied version in
 * {@code schema_version}, and every statement is itself written with {@code IF NOT EXISTS}, so a run interrupted
 * between a statement and its record is simply applied again.
 */
public final class SchemaMigrator {

    private final CqlSession session;
    private final String keyspace;
    private final String replication;

    /**
     * @param replication the CQL replication map, e.g. {@code {'class': 'SimpleStrategy', 'replication_factor': 1}}
     *                    locally and {@code NetworkTopologyStrategy} with 3 replicas in production
     */
    public SchemaMigrator(CqlSession session, String keyspace, String replication) {
        this.session = Objects.requireNonNull(session, "session");
        this.keyspace = CqlIdentifier.fromInternal(Objects.requireNonNull(keyspace, "keyspace")).asCql(true);
        this.replication = Objects.requireNonNull(replication, "replication");
        if (!keyspace.matches("[a-z][a-z0-9_]{0,47}")) {
            throw new IllegalArgumentException("keyspace must be lower-case letters, digits and _: " + keyspace);
        }
    }

    /** Applies what is missing and returns the versions applied by this call. */
    public List<Integer> migrate() {
        return migrate(Migration.bundled());
    }

    List<Integer> migrate(List<Migration> migrations) {
        execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication);
        execute("CREATE TABLE IF NOT EXISTS " + keyspace + ".schema_version ("
                + "version int PRIMARY KEY, name text, applied_at timestamp)");
        Set<Integer> applied = appliedVersions();
        List<Integer> newlyApplied = new java.util.ArrayList<>();
        for (Migration migration : migrations) {
            if (applied.contains(migration.version())) {
                continue;
            }
            for (String statement : migration.statements()) {
                session.execute(SimpleStatement.newInstance(statement).setKeyspace(keyspace));
            }
            session.execute(SimpleStatement.newInstance(
                    "INSERT INTO " + keyspace + ".schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    migration.version(), migration.name(), Instant.now()));
            newlyApplied.add(migration.version());
        }
        return List.copyOf(newlyApplied);
    }

    public Set<Integer> appliedVersions() {
        Set<Integer> versions = new HashSet<>();
        for (Row row : session.execute("SELECT version FROM " + keyspace + ".schema_version")) {
            versions.add(row.getInt("version"));
        }
        return versions;
    }

    private void execute(String cql) {
        session.execute(cql);
    }
}

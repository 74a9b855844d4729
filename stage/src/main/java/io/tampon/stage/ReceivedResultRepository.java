package io.tampon.stage;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Results accepted at the edge ({@code received_requests}), packed by request: one request's results of one UTC day
 * are written as one single-partition batch of at most {@link #BUCKETS} rows, each row holding the results whose id
 * falls in its bucket. Read back only until the result has its {@code result_stage} row.
 */
public final class ReceivedResultRepository {

    /** The table's TTL: a result not signed within this many days is no longer shown as RECEIVED. */
    public static final int DAYS_KEPT = 7;
    /**
     * Rows per request and day, so a lookup scans a sixteenth of a pharmacy's requests: a pharmacy that posts one
     * result at a time still has few rows per bucket and day, and a batch of 100 writes ~16 rows instead of 100.
     */
    static final int BUCKETS = 16;
    /**
     * Results per batch statement: 128 entries of 24 bytes stay under Cassandra's 5 KiB
     * {@code batch_size_warn_threshold}; a larger request is written as several batches.
     */
    static final int RESULTS_PER_BATCH = 128;
    private static final int ENTRY_BYTES = 24;

    private final CqlSession session;
    private final ConsistencyLevel consistency;
    private final PreparedStatement insert;
    private final PreparedStatement find;

    /** @param consistency LOCAL_QUORUM in production, ONE for a single local node */
    public ReceivedResultRepository(CqlSession session, ConsistencyLevel consistency) {
        this.session = Objects.requireNonNull(session, "session");
        this.consistency = Objects.requireNonNull(consistency, "consistency");
        this.insert = session.prepare("INSERT INTO received_requests (pharmacy_id, day, bucket, request_id, packed) "
                + "VALUES (?, ?, ?, ?, ?)");
        this.find = session.prepare("SELECT packed FROM received_requests "
                + "WHERE pharmacy_id = ? AND day IN ? AND bucket = ?");
    }

    /** One accepted result. */
    public record Received(UUID resultId, Instant receivedAt) {
    }

    /** Records what one pharmacy's request accepted: per day, one statement per 128 results, ≤ 16 rows each. */
    public CompletionStage<Void> recordAll(String pharmacyId, List<Received> results) {
        return CompletableFuture.allOf(statements(pharmacyId, results).stream()
                .map(batch -> session.executeAsync(batch).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /** The batch statements that record one request's results. */
    List<BatchStatement> statements(String pharmacyId, List<Received> results) {
        Map<LocalDate, List<Received>> byDay = new TreeMap<>();
        results.forEach(r -> byDay.computeIfAbsent(day(r.receivedAt()), d -> new ArrayList<>()).add(r));
        List<BatchStatement> batches = new ArrayList<>();
        byDay.forEach((day, received) -> {
            for (int from = 0; from < received.size(); from += RESULTS_PER_BATCH) {
                batches.add(batch(pharmacyId, day,
                        received.subList(from, Math.min(received.size(), from + RESULTS_PER_BATCH))));
            }
        });
        return batches;
    }

    private BatchStatement batch(String pharmacyId, LocalDate day, List<Received> results) {
        int[] counts = new int[BUCKETS];
        results.forEach(r -> counts[bucket(r.resultId())]++);
        ByteBuffer[] entries = new ByteBuffer[BUCKETS];
        for (Received r : results) {
            int bucket = bucket(r.resultId());
            if (entries[bucket] == null) {
                entries[bucket] = ByteBuffer.allocate(counts[bucket] * ENTRY_BYTES);
            }
            entries[bucket].putLong(r.resultId().getMostSignificantBits())
                    .putLong(r.resultId().getLeastSignificantBits())
                    .putLong(r.receivedAt().toEpochMilli());
        }
        // One time-based id for the request's rows: a later request (a retry included) adds rows, never replaces.
        UUID requestId = Uuids.timeBased();
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED)
                .setConsistencyLevel(consistency).setIdempotence(true);
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            if (entries[bucket] != null) {
                batch.addStatement(insert.bind(pharmacyId, day, (byte) bucket, requestId, entries[bucket].flip()));
            }
        }
        return batch.build();
    }

    /**
     * When the pharmacy's result was first accepted, if it was within {@link #DAYS_KEPT} days before {@code now}
     * (a result posted again is in several requests: the earliest counts).
     */
    public Optional<Instant> receivedAt(String pharmacyId, UUID resultId, Instant now) {
        List<LocalDate> days = new ArrayList<>();
        for (int back = 0; back <= DAYS_KEPT; back++) {
            days.add(day(now).minusDays(back));
        }
        long most = resultId.getMostSignificantBits();
        long least = resultId.getLeastSignificantBits();
        long earliest = Long.MAX_VALUE;
        for (Row row : session.execute(find.bind(pharmacyId, days, (byte) bucket(resultId))
                .setConsistencyLevel(consistency))) {
            ByteBuffer entries = row.getByteBuffer("packed");
            if (entries == null) {
                continue;
            }
            for (int at = entries.position(); at + ENTRY_BYTES <= entries.limit(); at += ENTRY_BYTES) {
                if (entries.getLong(at) == most && entries.getLong(at + 8) == least) {
                    earliest = Math.min(earliest, entries.getLong(at + 16));
                }
            }
        }
        return earliest == Long.MAX_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(earliest));
    }

    /** The result id's last four bits: uniform for name-based and random ids alike. */
    static int bucket(UUID resultId) {
        return (int) (resultId.getLeastSignificantBits() & (BUCKETS - 1));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}

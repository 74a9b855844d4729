package io.tampon.stage;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
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
 * Results accepted at the edge ({@code received_results}), by pharmacy and day: what one request accepted is
 * written as one single-partition batch, and read back only until the result has its {@code result_stage} row.
 */
public final class ReceivedResultRepository {

    /** The table's TTL: a result not signed within this many days is no longer shown as RECEIVED. */
    public static final int DAYS_KEPT = 7;
    /**
     * Rows per batch statement: one partition either way, but Cassandra warns above 5 KiB of mutation per batch
     * ({@code batch_size_warn_threshold}); 50 rows stay well under it.
     */
    static final int ROWS_PER_BATCH = 50;

    private final CqlSession session;
    private final ConsistencyLevel consistency;
    private final PreparedStatement insert;
    private final PreparedStatement find;

    /** @param consistency LOCAL_QUORUM in production, ONE for a single local node */
    public ReceivedResultRepository(CqlSession session, ConsistencyLevel consistency) {
        this.session = Objects.requireNonNull(session, "session");
        this.consistency = Objects.requireNonNull(consistency, "consistency");
        this.insert = session.prepare("INSERT INTO received_results (pharmacy_id, day, result_id, received_at) "
                + "VALUES (?, ?, ?, ?)");
        this.find = session.prepare("SELECT received_at FROM received_results "
                + "WHERE pharmacy_id = ? AND day IN ? AND result_id = ?");
    }

    /** One accepted result. */
    public record Received(UUID resultId, Instant receivedAt) {
    }

    /** Records what one pharmacy's request accepted: one statement per day and 50 rows, however many results. */
    public CompletionStage<Void> recordAll(String pharmacyId, List<Received> results) {
        Map<LocalDate, List<Received>> byDay = new TreeMap<>();
        results.forEach(r -> byDay.computeIfAbsent(day(r.receivedAt()), d -> new ArrayList<>()).add(r));
        List<CompletableFuture<?>> writes = new ArrayList<>();
        byDay.forEach((day, received) -> {
            for (int from = 0; from < received.size(); from += ROWS_PER_BATCH) {
                BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED)
                        .setConsistencyLevel(consistency).setIdempotence(true);
                for (Received r : received.subList(from, Math.min(received.size(), from + ROWS_PER_BATCH))) {
                    batch.addStatement(insert.bind(pharmacyId, day, r.resultId(), r.receivedAt()));
                }
                writes.add(session.executeAsync(batch.build()).toCompletableFuture());
            }
        });
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** When the pharmacy's result was accepted, if it was within {@link #DAYS_KEPT} days before {@code now}. */
    public Optional<Instant> receivedAt(String pharmacyId, UUID resultId, Instant now) {
        List<LocalDate> days = new ArrayList<>();
        for (int back = 0; back <= DAYS_KEPT; back++) {
            days.add(day(now).minusDays(back));
        }
        Row row = session.execute(find.bind(pharmacyId, days, resultId).setConsistencyLevel(consistency)).one();
        return Optional.ofNullable(row).map(r -> r.getInstant("received_at"));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}

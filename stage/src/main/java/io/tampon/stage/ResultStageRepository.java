package io.tampon.stage;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Records and reads result stages ({@code result_stage}). Every write sets only its own stage's column (plus the
 * pharmacy, so a row is complete whichever stage writes first): writes are idempotent upserts and commute.
 */
public final class ResultStageRepository {

    private final CqlSession session;
    private final ConsistencyLevel consistency;
    private final ReplicaBatches batches;
    private final PreparedStatement signed;
    private final PreparedStatement issued;
    private final PreparedStatement notified;
    private final PreparedStatement failed;
    private final PreparedStatement find;

    /** @param consistency LOCAL_QUORUM in production, ONE for a single local node */
    public ResultStageRepository(CqlSession session, ConsistencyLevel consistency) {
        this.session = Objects.requireNonNull(session, "session");
        this.consistency = Objects.requireNonNull(consistency, "consistency");
        this.batches = new ReplicaBatches(session, consistency);
        this.signed = session.prepare("UPDATE result_stage SET signed_at = ?, received_at = ?, pharmacy_id = ? "
                + "WHERE result_id = ?");
        this.issued = update("issued_at");
        this.notified = update("notified_at");
        this.failed = session.prepare("UPDATE result_stage SET failed_at = ?, failure_reason = ?, pharmacy_id = ? "
                + "WHERE result_id = ?");
        this.find = session.prepare("SELECT result_id, pharmacy_id, received_at, signed_at, issued_at, notified_at, "
                + "failed_at, failure_reason FROM result_stage WHERE result_id = ?");
    }

    private PreparedStatement update(String column) {
        return session.prepare("UPDATE result_stage SET " + column + " = ?, pharmacy_id = ? WHERE result_id = ?");
    }

    /**
     * Signed, and when it was received: the edge records RECEIVED by pharmacy and day
     * ({@link ReceivedResultRepository}), so the result's own row starts here with both times.
     */
    public CompletionStage<Void> markSigned(List<Signed> results) {
        List<BoundStatement> writes = new ArrayList<>(results.size());
        for (Signed result : results) {
            writes.add(signed.bind(result.signedAt(), result.receivedAt(), result.pharmacyId(), result.resultId()));
        }
        // A signing poll is hundreds of results: one request per result cost the signing-service more CPU in the
        // driver's I/O thread than everything but the signature.
        return batches.executeAll(writes);
    }

    /** One signed result, and when the edge accepted it. */
    public record Signed(UUID resultId, String pharmacyId, Instant receivedAt, Instant signedAt) {
    }

    public CompletionStage<Void> markIssued(UUID resultId, String pharmacyId, Instant at) {
        return execute(issued, at, pharmacyId, resultId);
    }

    public CompletionStage<Void> markNotified(UUID resultId, String pharmacyId, Instant at) {
        return execute(notified, at, pharmacyId, resultId);
    }

    /** @param reason an error code and a short text: no personal data, it is shown to the pharmacy */
    public CompletionStage<Void> markFailed(UUID resultId, String pharmacyId, Instant at, String reason) {
        return execute(failed, at, reason, pharmacyId, resultId);
    }

    public Optional<ResultStatus> find(UUID resultId) {
        return toStatus(session.execute(find.bind(resultId).setConsistencyLevel(consistency)).one());
    }

    /** The same as {@link #find}, without blocking: for callers that follow many results at once. */
    public CompletionStage<Optional<ResultStatus>> findAsync(UUID resultId) {
        return session.executeAsync(find.bind(resultId).setConsistencyLevel(consistency).setIdempotent(true))
                .thenApply(rows -> toStatus(rows.one()));
    }

    private static Optional<ResultStatus> toStatus(Row row) {
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new ResultStatus(row.getUuid("result_id"), row.getString("pharmacy_id"),
                row.getInstant("received_at"), row.getInstant("signed_at"), row.getInstant("issued_at"),
                row.getInstant("notified_at"), row.getInstant("failed_at"), row.getString("failure_reason")));
    }

    private CompletionStage<Void> execute(PreparedStatement statement, Object... values) {
        return session.executeAsync(statement.bind(values).setConsistencyLevel(consistency).setIdempotent(true))
                .thenApply((AsyncResultSet ignored) -> null);
    }
}

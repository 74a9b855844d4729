package io.tampon.qr.issuing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.tampon.spring.CassandraProperties;
import io.tampon.qr.config.QrProperties;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Repository;

/**
 * Passes in Cassandra, one row per pass id, written with a TTL of the pass's remaining validity plus the retention.
 * Writes are asynchronous with a bounded number in flight, so a slow node slows the consumer instead of piling up
 * requests in memory.
 */
@Repository
public class PassRepository {

    static final int MAX_IN_FLIGHT = 256;

    private final CqlSession session;
    private final CassandraProperties cassandra;
    private final Duration retention;
    private final Clock clock;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    PassRepository(CqlSession session, CassandraProperties cassandra, QrProperties properties, Clock clock) {
        this.session = session;
        this.cassandra = cassandra;
        this.retention = properties.retention();
        this.clock = clock;
        this.insert = session.prepare("INSERT INTO passes (pass_id, result_id, hc1, qr_png, issued_at, expires_at, "
                + "family_name, given_name, test_type, sample_collected_at, test_result, language) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.select = session.prepare("SELECT pass_id, result_id, hc1, qr_png, issued_at, expires_at, family_name, "
                + "given_name, test_type, sample_collected_at, test_result, language FROM passes WHERE pass_id = ?");
    }

    /** Idempotent: the same pass written again is the same row. */
    CompletableFuture<Void> save(StoredPass pass) throws InterruptedException {
        inFlight.acquire();
        long ttl = Math.max(60, Duration.between(clock.instant(), pass.expiresAt()).plus(retention).toSeconds());
        return session.executeAsync(insert.bind(pass.passId(), pass.resultId(), pass.hc1(),
                        ByteBuffer.wrap(pass.qrPng()), pass.issuedAt(), pass.expiresAt(), pass.familyName(),
                        pass.givenName(), pass.testType(), pass.sampleCollectedAt(), pass.testResult(),
                        pass.language(), (int) Math.min(Integer.MAX_VALUE, ttl))
                        .setConsistencyLevel(cassandra.consistencyLevel()).setIdempotent(true))
                .toCompletableFuture()
                .<Void>thenApply(rs -> null)
                .whenComplete((ok, error) -> inFlight.release());
    }

    public Optional<StoredPass> find(UUID passId) {
        Row row = session.execute(select.bind(passId).setConsistencyLevel(cassandra.consistencyLevel())).one();
        if (row == null) {
            return Optional.empty();
        }
        ByteBuffer png = row.getByteBuffer("qr_png");
        byte[] bytes = new byte[png == null ? 0 : png.remaining()];
        if (png != null) {
            png.get(bytes);
        }
        return Optional.of(new StoredPass(row.getUuid("pass_id"), row.getUuid("result_id"), row.getString("hc1"),
                bytes, row.getInstant("issued_at"), row.getInstant("expires_at"), row.getString("family_name"),
                row.getString("given_name"), row.getString("test_type"), row.getString("sample_collected_at"),
                row.getString("test_result"), row.getString("language")));
    }
}

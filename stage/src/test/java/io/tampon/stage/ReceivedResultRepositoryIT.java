package io.tampon.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.junit.LocalInfraTest;
import io.tampon.stage.ReceivedResultRepository.Received;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@LocalInfraTest
class ReceivedResultRepositoryIT {

    private static CqlSession session;
    private static ReceivedResultRepository repository;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void connect(LocalInfrastructure infra) {
        session = infra.newCqlSession();
        repository = new ReceivedResultRepository(session, ConsistencyLevel.ONE);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void aWholeBatchIsRecordedAndEachResultIsFoundForItsPharmacyOnly() {
        // More rows than one batch statement holds, over two days (a request just before midnight UTC).
        List<Received> batch = new ArrayList<>();
        Instant midnight = NOW.truncatedTo(ChronoUnit.DAYS);
        for (int i = 0; i < ReceivedResultRepository.RESULTS_PER_BATCH * 2 + 7; i++) {
            batch.add(new Received(UUID.randomUUID(), midnight.minusMillis(30).plusMillis(i)));
        }
        repository.recordAll("ph-21", batch).toCompletableFuture().join();

        for (Received received : batch) {
            assertEquals(received.receivedAt(),
                    repository.receivedAt("ph-21", received.resultId(), NOW).orElseThrow(), received.toString());
        }
        assertTrue(repository.receivedAt("ph-22", batch.get(0).resultId(), NOW).isEmpty(), "another pharmacy's");
        assertTrue(repository.receivedAt("ph-21", UUID.randomUUID(), NOW).isEmpty(), "never posted");
    }

    @Test
    void aResultIsLookedUpAsFarBackAsItIsKeptAndNoFurther() {
        Received old = new Received(UUID.randomUUID(), NOW.minus(Duration.ofDays(ReceivedResultRepository.DAYS_KEPT)));
        repository.recordAll("ph-23", List.of(old)).toCompletableFuture().join();

        assertEquals(old.receivedAt(), repository.receivedAt("ph-23", old.resultId(), NOW).orElseThrow());
        assertTrue(repository.receivedAt("ph-23", old.resultId(), NOW.plus(Duration.ofDays(1))).isEmpty());
    }

    @Test
    void aResultPostedAgainKeepsItsFirstAcceptance() {
        UUID resultId = UUID.randomUUID();
        Received first = new Received(resultId, NOW.minusSeconds(60));
        repository.recordAll("ph-24", List.of(first, new Received(UUID.randomUUID(), NOW))).toCompletableFuture().join();
        repository.recordAll("ph-24", List.of(new Received(resultId, NOW))).toCompletableFuture().join();
        repository.recordAll("ph-24", List.of(first)).toCompletableFuture().join();

        assertEquals(first.receivedAt(), repository.receivedAt("ph-24", resultId, NOW).orElseThrow());
    }

    @Test
    void aRequestIsAFewRowsInOnePartitionAndDrawsNoWarning() {
        // The largest request the API takes, in one day: 500 results.
        List<Received> request = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            request.add(new Received(UUID.randomUUID(), NOW));
        }
        var statements = repository.statements("ph-25", request);
        assertEquals(4, statements.size(), "128 results per statement");
        for (var statement : statements) {
            assertTrue(statement.size() <= ReceivedResultRepository.BUCKETS, "one row per bucket at most");
            assertEquals(List.of(), session.execute(statement).getExecutionInfo().getWarnings());
        }
        long rows = session.execute("SELECT count(*) FROM received_requests WHERE pharmacy_id = 'ph-25' AND day = ?",
                LocalDate.ofInstant(NOW, ZoneOffset.UTC)).one().getLong(0);
        assertTrue(rows <= 4 * ReceivedResultRepository.BUCKETS, rows + " rows for 500 results");
        for (Received received : request) {
            assertEquals(NOW, repository.receivedAt("ph-25", received.resultId(), NOW).orElseThrow());
        }
    }
}

package io.tampon.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.junit.LocalInfraTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@LocalInfraTest
class ResultStageRepositoryIT {

    private static CqlSession session;
    private static ResultStageRepository repository;
    private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void connect(LocalInfrastructure infra) {
        session = infra.newCqlSession();
        repository = new ResultStageRepository(session, ConsistencyLevel.ONE);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void stagesWrittenOutOfOrderNeverMoveAResultBackwards() {
        UUID id = UUID.randomUUID();
        repository.markIssued(id, "ph-7", T.plusSeconds(2)).toCompletableFuture().join();
        repository.markSigned(List.of(new ResultStageRepository.Signed(id, "ph-7", T, T.plusSeconds(1))))
                .toCompletableFuture().join();

        ResultStatus status = repository.find(id).orElseThrow();
        assertEquals(Stage.ISSUED, status.stage());
        assertEquals("ph-7", status.pharmacyId());
        assertEquals(T, status.receivedAt());
        assertEquals(T.plusSeconds(1), status.signedAt());
        assertEquals(status, repository.findAsync(id).toCompletableFuture().join().orElseThrow());
    }

    @Test
    void aFailureIsRecordedWithItsReasonAndRewritingIsHarmless() {
        UUID id = UUID.randomUUID();
        repository.markFailed(id, "ph-8", T, "PAYLOAD_INVALID: deviceId required").toCompletableFuture().join();
        repository.markFailed(id, "ph-8", T, "PAYLOAD_INVALID: deviceId required").toCompletableFuture().join();
        ResultStatus status = repository.find(id).orElseThrow();
        assertEquals(Stage.FAILED, status.stage());
        assertEquals("PAYLOAD_INVALID: deviceId required", status.failureReason());
    }

    @Test
    void aPollOfSignedResultsIsWrittenInFewSilentBatches() {
        List<ResultStageRepository.Signed> signed = IntStream.range(0, 250)
                .mapToObj(i -> new ResultStageRepository.Signed(UUID.randomUUID(), "ph-" + (i % 7), T.plusMillis(i),
                        T.plusSeconds(1).plusMillis(i)))
                .toList();
        repository.markSigned(signed).toCompletableFuture().join();

        for (ResultStageRepository.Signed s : signed) {
            ResultStatus status = repository.find(s.resultId()).orElseThrow();
            assertEquals(Stage.SIGNED, status.stage());
            assertEquals(s.pharmacyId(), status.pharmacyId());
            assertEquals(s.receivedAt(), status.receivedAt());
            assertEquals(s.signedAt(), status.signedAt());
        }
    }

    @Test
    void batchesStayUnderTheNodesWarningThresholds() {
        ReplicaBatches batches = new ReplicaBatches(session, ConsistencyLevel.ONE);
        var update = session.prepare("UPDATE result_stage SET signed_at = ?, received_at = ?, pharmacy_id = ? "
                + "WHERE result_id = ?");
        var statements = IntStream.range(0, 25)
                .mapToObj(i -> update.bind(T, T, "pharmacy-with-a-long-identifier", UUID.randomUUID()))
                .toList();
        var requests = batches.requests(statements);
        // One node owns every partition here: 25 statements, three batches of at most ten.
        assertEquals(3, requests.size());
        for (var request : requests) {
            BatchStatement batch = assertInstanceOf(BatchStatement.class, request);
            assertTrue(batch.size() <= ReplicaBatches.MAX_PARTITIONS);
            assertEquals(List.of(), session.execute(request).getExecutionInfo().getWarnings());
        }
        // And the threshold is real: one partition more and the node warns.
        var tooMany = BatchStatement.newInstance(DefaultBatchType.UNLOGGED,
                statements.subList(0, ReplicaBatches.MAX_PARTITIONS + 1).toArray(BoundStatement[]::new));
        assertEquals(1, session.execute(tooMany).getExecutionInfo().getWarnings().size());
    }

    @Test
    void anUnknownResultIsEmpty() {
        assertTrue(repository.find(UUID.randomUUID()).isEmpty());
        assertTrue(repository.findAsync(UUID.randomUUID()).toCompletableFuture().join().isEmpty());
    }
}

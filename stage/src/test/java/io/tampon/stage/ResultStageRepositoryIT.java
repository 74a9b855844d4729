package io.tampon.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.junit.LocalInfraTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
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
        repository.markSigned(id, "ph-7", T, T.plusSeconds(1)).toCompletableFuture().join();

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
    void anUnknownResultIsEmpty() {
        assertTrue(repository.find(UUID.randomUUID()).isEmpty());
        assertTrue(repository.findAsync(UUID.randomUUID()).toCompletableFuture().join().isEmpty());
    }
}

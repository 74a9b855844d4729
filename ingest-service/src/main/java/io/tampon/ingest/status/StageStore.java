package io.tampon.ingest.status;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.ingest.config.CassandraProperties;
import io.tampon.stage.ReceivedResultRepository;
import io.tampon.stage.ResultStageRepository;
import io.tampon.stage.ResultStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's view of result stages. Cassandra is not on the accept path: the edge starts, and accepts results, with
 * Cassandra down; it connects in the background and the status API answers 503 until it has.
 */
@Singleton
public class StageStore {

    private static final Logger log = LoggerFactory.getLogger(StageStore.class);

    private final CassandraProperties properties;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile CqlSession session;
    private final Clock clock;
    private volatile ResultStageRepository repository;
    private volatile ReceivedResultRepository received;

    public StageStore(CassandraProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        connectInBackground();
    }

    /**
     * Records that these results (one request's, so one pharmacy's) were accepted: best effort, not awaited. One
     * single-partition write per request; until signing writes the result's own row, the status is read from it.
     */
    public void recordReceived(String pharmacyId, List<ResultReceived> accepted) {
        ReceivedResultRepository current = received;
        if (current != null && !accepted.isEmpty()) {
            current.recordAll(pharmacyId, accepted.stream()
                            .map(r -> new ReceivedResultRepository.Received(r.resultId(), r.receivedAt())).toList())
                    .exceptionally(e -> {
                        log.warn("could not record {} result(s) as received: {}", accepted.size(),
                                e.getClass().getSimpleName());
                        return null;
                    });
        }
    }

    /**
     * The result's status if {@code pharmacyId} posted it: the pipeline's row, or RECEIVED from the edge's record.
     * Empty when unknown or another pharmacy's; throws {@link StatusUnavailableException} while Cassandra cannot be
     * reached.
     */
    public Optional<ResultStatus> find(String pharmacyId, UUID resultId) {
        ResultStageRepository current = repository;
        if (current == null) {
            throw new StatusUnavailableException();
        }
        try {
            Optional<ResultStatus> staged = current.find(resultId);
            if (staged.isPresent()) {
                return staged.filter(status -> pharmacyId.equals(status.pharmacyId()));
            }
            return received.receivedAt(pharmacyId, resultId, clock.instant()).map(at ->
                    new ResultStatus(resultId, pharmacyId, at, null, null, null, null, null));
        } catch (RuntimeException e) {
            throw new StatusUnavailableException();
        }
    }

    public boolean connected() {
        return repository != null;
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void connectInBackground() {
        if (repository != null || !connecting.compareAndSet(false, true)) {
            return;
        }
        String host = properties.contactPoint().substring(0, properties.contactPoint().lastIndexOf(':'));
        int port = Integer.parseInt(properties.contactPoint().substring(properties.contactPoint().lastIndexOf(':') + 1));
        CqlSessionBuilder builder = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(host, port))
                .withLocalDatacenter(properties.localDatacenter())
                .withKeyspace(properties.keyspace());
        if (properties.username() != null) {
            builder.withAuthCredentials(properties.username(), properties.password());
        }
        builder.buildAsync()
                // Off the driver's I/O threads: preparing statements there is a blocking call the driver refuses.
                .whenCompleteAsync((connected, error) -> {
                    try {
                        if (error != null) {
                            log.warn("Cassandra not reachable yet ({}); the status API answers 503 meanwhile",
                                    error.getClass().getSimpleName());
                        } else {
                            DefaultConsistencyLevel consistency =
                                    DefaultConsistencyLevel.valueOf(properties.consistency());
                            received = new ReceivedResultRepository(connected, consistency);
                            repository = new ResultStageRepository(connected, consistency);
                            session = connected;
                            log.info("connected to Cassandra at {}", properties.contactPoint());
                        }
                    } catch (RuntimeException e) {
                        log.warn("cannot use the Cassandra session yet: {}", e.getMessage());
                        connected.closeAsync();
                    } finally {
                        connecting.set(false);
                    }
                });
    }

    @PreDestroy
    void close() {
        if (session != null) {
            session.close();
        }
    }

    /** Stages cannot be read right now. */
    public static final class StatusUnavailableException extends RuntimeException {
        StatusUnavailableException() {
            super("STATUS_UNAVAILABLE", null, false, false);
        }
    }
}

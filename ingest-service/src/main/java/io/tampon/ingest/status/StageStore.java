package io.tampon.ingest.status;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tampon.ingest.config.CassandraProperties;
import io.tampon.stage.ResultStageRepository;
import io.tampon.stage.ResultStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.time.Instant;
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
    private volatile ResultStageRepository repository;

    public StageStore(CassandraProperties properties) {
        this.properties = properties;
        connectInBackground();
    }

    /** Records that the result was accepted; best effort, not awaited: the signing stage writes the row anyway. */
    public void recordReceived(UUID resultId, String pharmacyId, Instant at) {
        ResultStageRepository current = repository;
        if (current != null) {
            current.markReceived(resultId, pharmacyId, at).exceptionally(e -> {
                log.warn("could not record result {} as received: {}", resultId, e.getClass().getSimpleName());
                return null;
            });
        }
    }

    /** Empty when unknown; throws {@link StatusUnavailableException} while Cassandra cannot be reached. */
    public Optional<ResultStatus> find(UUID resultId) {
        ResultStageRepository current = repository;
        if (current == null) {
            throw new StatusUnavailableException();
        }
        try {
            return current.find(resultId);
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
                            repository = new ResultStageRepository(connected,
                                    DefaultConsistencyLevel.valueOf(properties.consistency()));
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

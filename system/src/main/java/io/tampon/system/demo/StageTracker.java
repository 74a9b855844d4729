package io.tampon.system.demo;

import io.tampon.stage.ResultStageRepository;
import io.tampon.stage.ResultStatus;
import io.tampon.stage.Stage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Follows a set of results through the stages by reading their rows in Cassandra, as the status API does. Results
 * that reached an end (NOTIFIED or FAILED) are not read again, so following a thousand costs little once most are
 * done.
 */
public final class StageTracker {

    private static final int IN_FLIGHT = 64;

    private final ResultStageRepository stages;
    private final Set<UUID> following;
    private final Map<UUID, ResultStatus> latest = new LinkedHashMap<>();

    public StageTracker(ResultStageRepository stages, Collection<UUID> resultIds) {
        this.stages = stages;
        this.following = new LinkedHashSet<>(resultIds);
    }

    /** Reads the results not yet at an end; returns the counts of every result followed. */
    public StageCounts poll() throws InterruptedException {
        Semaphore window = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (UUID id : following) {
            ResultStatus known = latest.get(id);
            if (known != null && ended(known)) {
                continue;
            }
            window.acquire();
            reads.add(stages.findAsync(id).toCompletableFuture().whenComplete((status, error) -> {
                window.release();
                if (error == null) {
                    status.ifPresent(this::remember);
                }
            }).thenApply(ignored -> null));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return counts();
    }

    /**
     * At an end, and every stage before it recorded. Stages are written by different services concurrently: the
     * signing-service records SIGNED for a whole poll after publishing its passes, so a pass can be issued and
     * notified before its SIGNED lands. A row read in that moment is read again, or it would be counted unsigned.
     */
    static boolean ended(ResultStatus status) {
        boolean gap = status.notifiedAt() != null && status.issuedAt() == null
                || status.issuedAt() != null && status.signedAt() == null;
        return !gap && (status.stage() == Stage.NOTIFIED || status.stage() == Stage.FAILED);
    }

    private synchronized void remember(ResultStatus status) {
        latest.put(status.resultId(), status);
    }

    public synchronized StageCounts counts() {
        return StageCounts.of(following.size(), latest.values());
    }

    public synchronized Optional<ResultStatus> status(UUID resultId) {
        return Optional.ofNullable(latest.get(resultId));
    }

    public synchronized List<ResultStatus> statuses() {
        return List.copyOf(latest.values());
    }

    public boolean allEnded() {
        StageCounts counts = counts();
        return counts.notified() + counts.failed() == counts.total();
    }
}

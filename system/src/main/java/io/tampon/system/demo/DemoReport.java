package io.tampon.system.demo;

import io.tampon.stage.ResultStatus;
import io.tampon.stage.Stage;
import io.tampon.system.demo.ResultPoster.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a demo run did: the edge's answers, where every accepted result ended, each stage's rate (from the stage
 * timestamps Cassandra recorded, not from the poller's view) and the end-to-end latency, accepted to notified.
 */
public record DemoReport(List<Outcome> outcomes, List<ResultStatus> statuses, StageCounts counts) {

    public long accepted() {
        return outcomes.stream().filter(Outcome::accepted).count();
    }

    public long rejected() {
        return outcomes.size() - accepted();
    }

    /** Failure reasons and how many results ended with each. */
    public Map<String, Integer> failures() {
        Map<String, Integer> reasons = new TreeMap<>();
        statuses.stream().filter(s -> s.stage() == Stage.FAILED)
                .forEach(s -> reasons.merge(String.valueOf(s.failureReason()), 1, Integer::sum));
        return reasons;
    }

    /** Results per second through a stage: results that reached it over the time from the first receipt. */
    public double rate(Function<ResultStatus, Instant> stage) {
        Instant first = null;
        Instant last = null;
        int count = 0;
        for (ResultStatus status : statuses) {
            Instant at = stage.apply(status);
            if (at == null || status.receivedAt() == null) {
                continue;
            }
            count++;
            first = first == null || status.receivedAt().isBefore(first) ? status.receivedAt() : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        if (count == 0) {
            return 0;
        }
        return count / Math.max(0.001, Duration.between(first, last).toMillis() / 1000.0);
    }

    /** Accepted → notified, sorted. */
    public List<Duration> endToEndLatencies() {
        List<Duration> latencies = new ArrayList<>();
        for (ResultStatus status : statuses) {
            if (status.receivedAt() != null && status.notifiedAt() != null && status.failedAt() == null) {
                latencies.add(Duration.between(status.receivedAt(), status.notifiedAt()));
            }
        }
        Collections.sort(latencies);
        return latencies;
    }

    /** Nearest-rank percentile of sorted durations; zero when there are none. */
    public static Duration percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public String summary() {
        List<Duration> latencies = endToEndLatencies();
        StringBuilder text = new StringBuilder();
        text.append("posted %d: accepted %d, rejected at the edge %d%n".formatted(outcomes.size(), accepted(),
                rejected()));
        text.append("results %d: notified %d, failed %d, still in flight %d%n".formatted(counts.total(),
                counts.notified(), counts.failed(), counts.total() - counts.notified() - counts.failed()));
        text.append("rates since first receipt: signed %.0f/s, issued %.0f/s, notified %.0f/s%n".formatted(
                rate(ResultStatus::signedAt), rate(ResultStatus::issuedAt), rate(ResultStatus::notifiedAt)));
        text.append("accepted -> notified: p50 %d ms, p99 %d ms, max %d ms%n".formatted(
                percentile(latencies, 50).toMillis(), percentile(latencies, 99).toMillis(),
                percentile(latencies, 100).toMillis()));
        failures().forEach((reason, count) -> text.append("failed (%d): %s%n".formatted(count, reason)));
        return text.toString();
    }
}

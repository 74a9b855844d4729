package io.tampon.system.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.stage.ResultStatus;
import io.tampon.system.demo.ResultPoster.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoReportTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    private static ResultStatus notified(int receivedMs, int notifiedMs) {
        return new ResultStatus(UUID.randomUUID(), "ph", T.plusMillis(receivedMs), T.plusMillis(receivedMs + 1),
                T.plusMillis(receivedMs + 2), T.plusMillis(notifiedMs), null, null);
    }

    @Test
    void latenciesAreAcceptedToNotifiedAndPercentilesAreNearestRank() {
        List<ResultStatus> statuses = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            statuses.add(notified(0, i * 10)); // 10 ms .. 1000 ms
        }
        DemoReport report = new DemoReport(List.of(), statuses, StageCounts.of(100, statuses));
        List<Duration> latencies = report.endToEndLatencies();
        assertEquals(Duration.ofMillis(500), DemoReport.percentile(latencies, 50));
        assertEquals(Duration.ofMillis(990), DemoReport.percentile(latencies, 99));
        assertEquals(Duration.ofMillis(1000), DemoReport.percentile(latencies, 100));
        assertEquals(Duration.ZERO, DemoReport.percentile(List.of(), 99));
    }

    @Test
    void aStageRateIsResultsOverTheTimeFromFirstReceiptToTheLastAtThatStage() {
        List<ResultStatus> statuses = List.of(notified(0, 1000), notified(500, 2000));
        DemoReport report = new DemoReport(List.of(), statuses, StageCounts.of(2, statuses));
        assertEquals(1.0, report.rate(ResultStatus::notifiedAt), 1e-9); // 2 results over 2 s
    }

    @Test
    void failuresAreCountedByReasonAndNotAsNotified() {
        ResultStatus failed = new ResultStatus(UUID.randomUUID(), "ph", T, T, T, null, T, "SMS_REFUSED_400");
        List<ResultStatus> statuses = List.of(failed, notified(0, 10));
        DemoReport report = new DemoReport(List.of(new Outcome(null, failed.resultId(), List.of()),
                new Outcome(null, null, List.of("patient.familyName"))), statuses, StageCounts.of(2, statuses));
        assertEquals(Map.of("SMS_REFUSED_400", 1), report.failures());
        assertEquals(1, report.counts().notified());
        assertEquals(1, report.counts().failed());
        assertEquals(2, report.counts().received());
        assertEquals(1, report.accepted());
        assertEquals(1, report.rejected());
        assertTrue(report.summary().contains("failed (1): SMS_REFUSED_400"), report.summary());
        assertTrue(report.summary().contains("rejected at the edge 1"), report.summary());
    }

    @Test
    void theProgressLineShowsEachStageWithItsRateSinceTheLastLine() {
        StageCounts before = new StageCounts(1000, 400, 300, 200, 100, 0);
        StageCounts now = new StageCounts(1000, 600, 500, 300, 150, 2);
        assertEquals("[  12 s] received 600/1000 (100/s)  signed 500/1000 (100/s)  issued 300/1000 (50/s)  "
                + "notified 150/1000 (25/s)  failed 2", ProgressLine.format(Duration.ofSeconds(12), now, before,
                Duration.ofSeconds(2)));
    }
}

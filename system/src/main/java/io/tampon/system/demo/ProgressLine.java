package io.tampon.system.demo;

import java.time.Duration;

/** One line of live progress: how many results reached each stage, and each stage's rate since the last line. */
final class ProgressLine {

    private ProgressLine() {
    }

    static String format(Duration elapsed, StageCounts now, StageCounts before, Duration interval) {
        double seconds = Math.max(0.001, interval.toMillis() / 1000.0);
        return "[%4d s] received %s  signed %s  issued %s  notified %s  failed %d".formatted(elapsed.toSeconds(),
                stage(now.received(), before.received(), now.total(), seconds),
                stage(now.signed(), before.signed(), now.total(), seconds),
                stage(now.issued(), before.issued(), now.total(), seconds),
                stage(now.notified(), before.notified(), now.total(), seconds), now.failed());
    }

    private static String stage(int count, int before, int total, double seconds) {
        return "%d/%d (%.0f/s)".formatted(count, total, Math.max(0, count - before) / seconds);
    }
}

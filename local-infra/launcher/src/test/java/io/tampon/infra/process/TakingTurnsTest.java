package io.tampon.infra.process;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TakingTurnsTest {

    @Test
    void twoBusyProcessesShareOneCoresWorthOfTimeAndBothRunAgainOnceClosed() throws Exception {
        Process a = busyLoop();
        Process b = busyLoop();
        try {
            long wallStart = System.nanoTime();
            long aStart = cpuNanos(a.pid());
            long bStart = cpuNanos(b.pid());
            try (TakingTurns turns = TakingTurns.start(a.pid(), b.pid(), Duration.ofMillis(100))) {
                Thread.sleep(2_000); // the window measured, not a wait for a condition
                assertTrue(turns.turns() >= 10, "swapped " + turns.turns() + " times in 2 s");
            }
            double wall = System.nanoTime() - wallStart;
            double aUsed = cpuNanos(a.pid()) - aStart;
            double bUsed = cpuNanos(b.pid()) - bStart;
            // Run together (on a machine with two cores or more) they would take about twice the wall time.
            assertTrue(aUsed + bUsed <= 1.25 * wall, "together " + (aUsed + bUsed) / wall + " of the wall time");
            assertTrue(aUsed >= 0.2 * wall && bUsed >= 0.2 * wall,
                    "each took its turns: " + aUsed / wall + " and " + bUsed / wall + " of the wall time");

            long aAfter = cpuNanos(a.pid());
            long bAfter = cpuNanos(b.pid());
            Thread.sleep(500); // the window measured
            assertTrue(cpuNanos(a.pid()) - aAfter >= 50_000_000L, "the first runs again once closed");
            assertTrue(cpuNanos(b.pid()) - bAfter >= 50_000_000L, "the second runs again once closed");
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
    }

    @Test
    void refusesAPhaseTooShortToMeanAnything() {
        assertThrows(IllegalArgumentException.class, () -> TakingTurns.start(1, 2, Duration.ofMillis(1)));
    }

    private static Process busyLoop() throws IOException {
        return new ProcessBuilder("sh", "-c", "while :; do :; done").start();
    }

    private static long cpuNanos(long pid) {
        return new ThreadCpu(pid, name -> "shell").read().totalNanos();
    }
}

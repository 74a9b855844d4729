package io.tampon.infra.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void aBusyThreadsCpuIsCountedUnderItsKindAndInTheTotal() throws Exception {
        ThreadCpu cpu = new ThreadCpu(ProcessHandle.current().pid(),
                name -> name.startsWith("tampon-burner") ? "burner" : null);
        ThreadCpu.Reading before = cpu.read();

        CountDownLatch release = new CountDownLatch(1);
        Thread burner = new Thread(() -> {
            burn(300_000_000L);
            try {
                release.await(); // alive while read: /proc forgets a thread once it ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tampon-burner");
        burner.start();
        // Done burning and parked on the latch, so its CPU time no longer moves while both are read.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> burner.getState() == Thread.State.WAITING);
        long burnerNanos = ManagementFactory.getThreadMXBean().getThreadCpuTime(burner.getId());
        ThreadCpu.Reading used = cpu.read().since(before);
        release.countDown();
        burner.join();

        long seen = used.nanosByKind().getOrDefault("burner", 0L);
        // /proc counts in 10 ms ticks.
        assertTrue(Math.abs(seen - burnerNanos) <= 30_000_000L, "burner: " + seen + " ns, JVM says " + burnerNanos);
        assertTrue(used.totalNanos() >= seen);
        assertTrue(used.nanosByKind().containsKey("other"), "the test's own thread is 'other': " + used);
        long kernel = used.kernelNanosByKind().getOrDefault("burner", 0L);
        assertTrue(kernel >= 0 && kernel <= seen, "kernel part " + kernel + " of " + seen);
    }

    @Test
    void theJvmsOwnThreadsAreNamedBeforeTheCallersClassifier() {
        Map<String, Long> kinds = new ThreadCpu(ProcessHandle.current().pid(), name -> "caller").read().nanosByKind();

        assertTrue(kinds.containsKey("JIT compiler"), kinds.toString());
        assertTrue(kinds.containsKey("GC and VM"), kinds.toString());
        assertTrue(kinds.containsKey("caller"), kinds.toString());
        assertEquals(3, kinds.size(), kinds.toString());
    }

    private static void burn(long nanos) {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - start < nanos) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L ^ x;
            }
        }
        if (x == 42) {
            System.out.print(""); // keeps the loop from being optimised away
        }
    }
}

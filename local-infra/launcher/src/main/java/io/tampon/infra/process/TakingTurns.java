package io.tampon.infra.process;

import java.io.IOException;
import java.time.Duration;

/**
 * Two processes that run in turn, never together: one is stopped (SIGSTOP) while the other runs, and they swap every
 * phase. For a paired benchmark on a shared host, where the same code's speed drifts by tens of percent within
 * minutes: a service and its baseline measured in alternating phases see the same moments of the host, and the drift
 * cancels in their ratio, which measuring one after the other does not do.
 *
 * <p>Closing it lets both run again. Linux only (it signals with {@code kill}).
 */
public final class TakingTurns implements AutoCloseable {

    private final long first;
    private final long second;
    private final long phaseMillis;
    private final Thread switcher;
    private volatile boolean running = true;
    private volatile int turns;

    private TakingTurns(long first, long second, Duration phase) {
        if (phase.toMillis() < 10) {
            throw new IllegalArgumentException("a phase of at least 10 ms, was " + phase);
        }
        this.first = first;
        this.second = second;
        this.phaseMillis = phase.toMillis();
        this.switcher = new Thread(this::alternate, "taking-turns");
        this.switcher.setDaemon(true);
    }

    /** Starts alternating, {@code first} running first. */
    public static TakingTurns start(long first, long second, Duration phase) {
        TakingTurns turns = new TakingTurns(first, second, phase);
        turns.switcher.start();
        return turns;
    }

    /** How many times the two have swapped so far. */
    public int turns() {
        return turns;
    }

    private void alternate() {
        boolean firstRuns = true;
        try {
            while (running) {
                // Stop before continue: the two never overlap, at the cost of a moment when neither runs.
                signal("STOP", firstRuns ? second : first);
                signal("CONT", firstRuns ? first : second);
                turns++;
                Thread.sleep(phaseMillis);
                firstRuns = !firstRuns;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        switcher.interrupt();
        try {
            switcher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Whatever happened, neither is left stopped.
        signal("CONT", first);
        signal("CONT", second);
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // A process that has already ended is no reason to stop signalling the other.
            kill.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

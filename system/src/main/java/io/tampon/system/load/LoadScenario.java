package io.tampon.system.load;

import java.util.Map;

/**
 * A load profile in results per second (see {@code PipelineSimulation}): baseline for {@code beforeSeconds}, a
 * spike of {@code multiplier} × baseline for {@code spikeSeconds} (ramped), baseline for {@code afterSeconds}.
 *
 * @param killSigningAt  seconds into the run when one signing-service process is killed (SIGKILL), or -1
 * @param restartAfter   seconds after the kill when it is started again
 */
public record LoadScenario(String name, double baseline, double multiplier, int beforeSeconds, int rampSeconds,
                           int spikeSeconds, int afterSeconds, int killSigningAt, int restartAfter) {

    /**
     * The three scenarios of the brief, for a pipeline whose slowest stage drains {@code capacity} results/s.
     * Steady: half the capacity for 2 minutes. Spike: the capacity for 30 s, 10× for 2 minutes, the capacity for
     * 60 s. Spike-kill: the same with a signing-service killed 30 s into the spike and restarted 30 s later.
     */
    public static LoadScenario named(String name, double capacity) {
        return switch (name) {
            case "steady" -> new LoadScenario(name, capacity / 2, 1, 120, 0, 0, 0, -1, 0);
            case "spike" -> new LoadScenario(name, capacity, 10, 30, 10, 120, 60, -1, 0);
            case "spike-kill" -> new LoadScenario(name, capacity, 10, 30, 10, 120, 60, 30 + 10 + 30, 30);
            default -> throw new IllegalArgumentException("scenario: steady | spike | spike-kill, not " + name);
        };
    }

    /** Seconds from the start when the spike ends (the drain is timed from there). */
    public double spikeEndsAt() {
        return beforeSeconds + (spikeSeconds > 0 ? 2.0 * rampSeconds + spikeSeconds : 0);
    }

    public double totalSeconds() {
        return spikeEndsAt() + afterSeconds;
    }

    public long expectedResults() {
        double spike = spikeSeconds > 0 ? baseline * multiplier * spikeSeconds + baseline * (1 + multiplier)
                * rampSeconds : 0;
        return Math.round(baseline * (beforeSeconds + afterSeconds) + spike);
    }

    /** The Gatling simulation's system properties for this profile. */
    public Map<String, String> simulationProperties() {
        return Map.of("baseline", Double.toString(baseline), "spikeMultiplier", Double.toString(multiplier),
                "beforeSeconds", Integer.toString(beforeSeconds), "rampSeconds", Integer.toString(rampSeconds),
                "spikeSeconds", Integer.toString(spikeSeconds), "afterSeconds", Integer.toString(afterSeconds));
    }
}

package io.tampon.system.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The brief's goals for a spike, judged on a run's figures, so the report itself says which were met: zero 5xx,
 * ingest p99 under 100 ms, every accepted result notified exactly once, the pipeline draining at 60 % or more of
 * its slowest stage's raw rate, and (with a kill) progress again within 10 s of the restart.
 */
final class LoadGoals {

    private LoadGoals() {
    }

    /**
     * @param statuses           responses by HTTP status
     * @param p99Millis          ingest p99, or null if unknown
     * @param exactlyOnce        the loss/duplicate check passed
     * @param drainRatio         pipeline drain rate ÷ slowest raw stage rate (NaN if unknown)
     * @param resumeSeconds      seconds from the restart command to the signing group's next commit, or null
     */
    static Map<String, Object> judge(Map<Integer, Long> statuses, Double p99Millis, boolean exactlyOnce,
                                     double drainRatio, Double resumeSeconds) {
        Map<String, Object> goals = new LinkedHashMap<>();
        long fiveXx = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue)
                .sum();
        goals.put("zero5xx", verdict(fiveXx, "0", fiveXx == 0));
        goals.put("ingestP99Under100ms", verdict(p99Millis, "< 100 ms", p99Millis != null && p99Millis < 100));
        goals.put("everyAcceptedNotifiedExactlyOnce", verdict(exactlyOnce, "true", exactlyOnce));
        if (!Double.isNaN(drainRatio)) { // a steady run builds no backlog: there is nothing to drain
            goals.put("drainAtLeast60PercentOfSlowestRawStage", verdict(drainRatio, ">= 0.60", drainRatio >= 0.6));
        }
        if (resumeSeconds != null) {
            goals.put("drainResumesWithin10sOfRestart", verdict(resumeSeconds, "<= 10 s", resumeSeconds <= 10));
        }
        return goals;
    }

    private static Map<String, Object> verdict(Object value, String goal, boolean met) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("value", value);
        verdict.put("goal", goal);
        verdict.put("met", met);
        return verdict;
    }

    /** Reads the simulation's {@code {"statuses":{"202":n,...}}} without a JSON library. */
    static Map<Integer, Long> statuses(String outcomeJson) {
        Map<Integer, Long> statuses = new LinkedHashMap<>();
        var matcher = java.util.regex.Pattern.compile("\"(\\d{3})\":(\\d+)").matcher(outcomeJson);
        while (matcher.find()) {
            statuses.put(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)));
        }
        return statuses;
    }
}

package io.tampon.system.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadScenarioTest {

    @Test
    void theThreeScenariosFollowTheCapacity() {
        LoadScenario steady = LoadScenario.named("steady", 40);
        assertEquals(20, steady.baseline(), 1e-9, "half the capacity");
        assertEquals(0, steady.spikeSeconds());
        assertEquals(2400, steady.expectedResults());

        LoadScenario spike = LoadScenario.named("spike", 40);
        assertEquals(400, spike.baseline() * spike.multiplier(), 1e-9, "10x the capacity");
        assertEquals(120, spike.spikeSeconds());
        assertEquals(30 + 10 + 120 + 10, spike.spikeEndsAt(), 1e-9);
        // 30 s + 60 s at 40/s, 120 s at 400/s, two 10 s ramps averaging 220/s.
        assertEquals(40 * 90 + 400 * 120 + 440 * 10, spike.expectedResults());

        LoadScenario kill = LoadScenario.named("spike-kill", 40);
        assertEquals(70, kill.killSigningAt(), "30 s into the spike");
        assertEquals(30, kill.restartAfter());
        assertThrows(IllegalArgumentException.class, () -> LoadScenario.named("weekend", 40));
    }

    @Test
    void gatlingsGlobalInformationIsReadAsNumbers() {
        String console = """
                ---- Requests ------------------------------------------------------------------
                > request count                                      999 (OK=999    KO=0     )
                ================================================================================
                ---- Global Information --------------------------------------------------------
                > request count                                    15000 (OK=14990  KO=10    )
                > min response time                                    1 (OK=1      KO=2     )
                > max response time                                  212 (OK=212    KO=30    )
                > response time 50th percentile                        3 (OK=3      KO=4     )
                > response time 99th percentile                       28 (OK=28     KO=29    )
                > mean requests/sec                                  500.25 (OK=499.9  KO=0.33  )
                ---- Response Time Distribution ------------------------------------------------
                """;
        Map<String, Double> stats = GatlingStats.parse(console);
        assertEquals(15000, stats.get("request count"));
        assertEquals(28, stats.get("response time 99th percentile"));
        assertEquals(500.25, stats.get("mean requests/sec"));
        assertTrue(GatlingStats.parse("no block").isEmpty());
        Map<String, Double> table = GatlingStats.parse("""
                ---- Global Information ---------------------------|---Total---|-----OK----|----KO----
                > request count                                    |     2,400 |     2,399 |         1
                > max response time (ms)                           |     1,173 |     1,173 |       678
                > response time 99th percentile (ms)               |       434 |       429 |       678
                > mean throughput (rps)                            |        20 |     19.99 |      0.01
                """);
        assertEquals(2400, table.get("request count"));
        assertEquals(1173, table.get("max response time"));
        assertEquals(434, table.get("response time 99th percentile"));
        assertEquals(20, table.get("mean throughput"));
    }

    @Test
    void theSummaryIsValidJsonAndTheReportHasItsCharts() {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("scenario", "spike \"10x\"");
        summary.put("drain", Double.NaN);
        summary.put("check", Map.of("passed", true));
        summary.put("list", List.of(1, 2.5));
        assertEquals("{\"scenario\":\"spike \\\"10x\\\"\",\"drain\":null,\"check\":{\"passed\":true},"
                + "\"list\":[1,2.500]}", LoadReport.toJson(summary));
        var samples = List.of(new io.tampon.system.monitor.LagMonitor.Sample(1, 10, 10, Map.of("sign", 5L),
                Map.of("sign", 3.0)), new io.tampon.system.monitor.LagMonitor.Sample(2, 30, 20, Map.of("sign", 0L),
                Map.of("sign", 8.0)));
        String html = new LoadReport("spike", summary, samples, "gatling/x/index.html").html();
        assertEquals(2, html.split("<svg").length - 1, "a lag chart and a throughput chart");
        assertTrue(html.contains("spike &quot;10x&quot;"), "escaped");
    }

    @Test
    void thePipelineDrainsAtItsSlowestStageWhileThatStageHasWorkWaiting() {
        var samples = List.of(
                new io.tampon.system.monitor.LagMonitor.Sample(1, 0, 0, Map.of("sign", 5000L, "email", 50L),
                        Map.of("sign", 900.0, "email", 40.0)),
                new io.tampon.system.monitor.LagMonitor.Sample(2, 0, 0, Map.of("sign", 200L, "email", 3000L),
                        Map.of("sign", 1100.0, "email", 30.0)),
                new io.tampon.system.monitor.LagMonitor.Sample(3, 0, 0, Map.of("sign", 0L, "email", 1000L),
                        Map.of("sign", 0.0, "email", 50.0)));
        // sign: (900 + 1100) / 2 with work waiting; email: (30 + 50) / 2; the idle seconds do not count.
        assertEquals(40.0, LoadRun.drainRate(samples, 0), 1e-9);
        // From second 3 on (the spike over): only email still had work waiting.
        assertEquals(50.0, LoadRun.drainRate(samples, 3), 1e-9);
    }

    @Test
    void aSigningStallIsTheLongestRunOfSecondsWithResultsWaitingAndNoneSigned() {
        var samples = List.of(
                sample(10, 0L, 0.0), // before the kill: ignored
                sample(11, 0L, 0.0), // nothing waiting: not a stall
                sample(12, 400L, 0.0), sample(13, 800L, 0.0), sample(14, 1200L, 0.0), // 3 s stalled
                sample(15, 900L, 300.0), // the other replica took over
                sample(16, 1000L, 0.0), // one more second
                sample(17, 500L, 500.0));
        assertEquals(3.0, LoadRun.longestStall(samples, 11), 1e-9);
        assertEquals(0.0, LoadRun.longestStall(samples.subList(5, 6), 11), 1e-9);
    }

    private static io.tampon.system.monitor.LagMonitor.Sample sample(double second, long signLag, double signed) {
        return new io.tampon.system.monitor.LagMonitor.Sample(second, 0, 0, Map.of("sign", signLag),
                Map.of("sign", signed));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportSaysWhichGoalsWereMet() {
        Map<Integer, Long> statuses = LoadGoals.statuses("{\"statuses\":{\"202\":55406,\"422\":594},\"x\":1}");
        assertEquals(Map.of(202, 55406L, 422, 594L), statuses);
        Map<String, Object> goals = LoadGoals.judge(statuses, 440.0, true, 0.23, 104.45);
        assertEquals(true, ((Map<String, Object>) goals.get("zero5xx")).get("met"));
        assertEquals(false, ((Map<String, Object>) goals.get("ingestP99Under100ms")).get("met"));
        assertEquals(true, ((Map<String, Object>) goals.get("everyAcceptedNotifiedExactlyOnce")).get("met"));
        assertEquals(false, ((Map<String, Object>) goals.get("drainAtLeast60PercentOfSlowestRawStage")).get("met"));
        assertEquals(false, ((Map<String, Object>) goals.get("drainResumesWithin10sOfRestart")).get("met"));
        Map<String, Object> withA503 = LoadGoals.judge(Map.of(202, 10L, 503, 1L), 20.0, true, 0.7, null);
        assertEquals(false, ((Map<String, Object>) withA503.get("zero5xx")).get("met"));
        assertEquals(true, ((Map<String, Object>) withA503.get("ingestP99Under100ms")).get("met"));
        assertTrue(!withA503.containsKey("drainResumesWithin10sOfRestart"), "no kill, no restart goal");
        assertTrue(!LoadGoals.judge(Map.of(), 1.0, true, Double.NaN, null)
                .containsKey("drainAtLeast60PercentOfSlowestRawStage"), "no backlog, no drain goal");
    }
}

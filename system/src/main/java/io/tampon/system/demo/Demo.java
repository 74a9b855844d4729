package io.tampon.system.demo;

import io.tampon.stage.ResultStageRepository;
import io.tampon.system.demo.ResultPoster.Outcome;
import io.tampon.system.demo.SampleResults.Sample;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The demo: posts samples to the edge as pharmacies would, then shows them moving through the stages every second
 * until every accepted result is notified or failed (or the patience runs out), and sums up.
 */
public final class Demo {

    private static final Duration TICK = Duration.ofSeconds(1);

    private final ResultPoster poster;
    private final ResultStageRepository stages;
    private final PrintStream out;

    public Demo(String ingestUrl, ResultStageRepository stages, PrintStream out) {
        this.poster = new ResultPoster(ingestUrl);
        this.stages = stages;
        this.out = out;
    }

    public DemoReport run(List<Sample> samples, Duration patience) throws InterruptedException {
        out.printf("[demo] posting %d results from %d pharmacies ...%n", samples.size(),
                samples.stream().map(Sample::pharmacy).distinct().count());
        long started = System.nanoTime();
        // Post in the background: progress shows from the first second, as results flow while others arrive.
        CompletableFuture<List<Outcome>> posting = CompletableFuture.supplyAsync(() -> {
            try {
                return poster.post(samples);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while posting", e);
            }
        });
        // Every sample's id is known up front (name-based), so progress can be followed while posting goes on.
        List<UUID> ids = samples.stream().filter(s -> s.kind() != SampleResults.Kind.INVALID)
                .map(Sample::resultId).distinct().toList();
        StageTracker tracker = new StageTracker(stages, ids);
        StageCounts before = tracker.counts();
        long deadline = started + patience.toNanos();
        while (true) {
            long tickStart = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(TICK.toMillis());
            StageCounts now = tracker.poll();
            Duration interval = Duration.ofNanos(System.nanoTime() - tickStart);
            out.println(ProgressLine.format(Duration.ofNanos(System.nanoTime() - started), now, before, interval));
            before = now;
            if (posting.isCompletedExceptionally() || posting.isDone() && tracker.allEnded()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                out.println("[demo] stopped following after " + patience.toSeconds() + " s; some results are still"
                        + " in flight (the system keeps working on them)");
                break;
            }
        }
        List<Outcome> outcomes = posting.join();
        DemoReport report = new DemoReport(outcomes, tracker.statuses(), tracker.counts());
        out.println("[demo] summary");
        report.summary().lines().forEach(line -> out.println("  " + line));
        return report;
    }
}

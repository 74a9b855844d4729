package io.tampon.system.monitor;

import io.tampon.system.monitor.ConsumerLag.Group;
import io.tampon.system.monitor.ConsumerLag.Offsets;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every second, each consumer group's lag and each stage's rate (records its group committed per second), kept as
 * a time series for the report and printed as one line of progress.
 */
public final class LagMonitor implements AutoCloseable {

    /** One second of the pipeline: lag and completion rate (records/s) per group, records accepted per second. */
    public record Sample(double second, long accepted, double acceptedPerSecond, Map<String, Long> lag,
                         Map<String, Double> perSecond) {
    }

    private final ConsumerLag lag;
    private final List<Group> groups;
    private final PrintStream out;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tampon-lag-monitor");
        t.setDaemon(true);
        return t;
    });
    private final List<Sample> samples = new ArrayList<>();
    private final long started = System.nanoTime();
    private Offsets previous;
    private long previousAt;

    public LagMonitor(ConsumerLag lag, List<Group> groups, PrintStream out) {
        this.lag = lag;
        this.groups = groups;
        this.out = out;
    }

    public LagMonitor start() {
        ticker.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    private void tick() {
        try {
            Offsets now = lag.offsets(groups);
            long at = System.nanoTime();
            record(now, at);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.println("[monitor] " + e.getMessage()); // a broker restart: the next second reads again
        }
    }

    synchronized void record(Offsets now, long at) {
        Map<String, Long> lags = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        double interval = previous == null ? 1 : Math.max(0.001, (at - previousAt) / 1e9);
        for (Group group : groups) {
            lags.put(group.stage(), now.lag(group));
            long done = now.committed().getOrDefault(group.groupId(), 0L);
            long before = previous == null ? done : previous.committed().getOrDefault(group.groupId(), 0L);
            rates.put(group.stage(), Math.max(0, done - before) / interval);
        }
        String results = groups.get(0).topic();
        long accepted = now.written().getOrDefault(results, 0L);
        long acceptedBefore = previous == null ? accepted : previous.written().getOrDefault(results, 0L);
        Sample sample = new Sample((at - started) / 1e9, accepted, Math.max(0, accepted - acceptedBefore) / interval,
                lags, rates);
        samples.add(sample);
        previous = now;
        previousAt = at;
        out.println(line(sample));
    }

    static String line(Sample sample) {
        StringBuilder line = new StringBuilder("[%5.0f s] accepted %d (%.0f/s)".formatted(sample.second(),
                sample.accepted(), sample.acceptedPerSecond()));
        sample.lag().forEach((stage, lag) -> line.append("  %s lag %d (%.0f/s)".formatted(stage, lag,
                sample.perSecond().get(stage))));
        return line.toString();
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Seconds since the monitor started. */
    public double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}

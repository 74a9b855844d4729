package io.tampon.infra.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * CPU time a process has used, in total and by kind of thread, read from Linux's {@code /proc/<pid>/task}. For
 * benchmarks that divide work by CPU: a service's rate per core, and where its CPU went (its worker thread, the
 * JIT, the GC, client I/O threads) without a profiler attached.
 */
public final class ThreadCpu {

    /** Linux's USER_HZ, the unit of {@code utime}/{@code stime}: 100 on every architecture Java runs on here. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long pid;
    private final Function<String, String> kindOfThread;

    /**
     * @param kindOfThread names a thread's kind from its name (Linux keeps the first 15 characters); JVM threads
     *                     (compilers, GC, VM) are named before it is asked, and it may return null for "other"
     */
    public ThreadCpu(long pid, Function<String, String> kindOfThread) {
        this.pid = pid;
        this.kindOfThread = kindOfThread;
    }

    /** CPU used so far, by kind of thread; threads that have ended are not counted (read before and after). */
    public Reading read() {
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Long> kernelByKind = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                // "tid (name) state ...": the name may hold spaces and parentheses, so split at the last ')'.
                int close = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, close);
                String[] fields = stat.substring(close + 2).split(" ");
                // After the name: state is field 3 of stat(5), utime 14 and stime 15.
                long kernelTicks = Long.parseLong(fields[12]);
                long ticks = Long.parseLong(fields[11]) + kernelTicks;
                String kind = kindOf(name);
                byKind.merge(kind, ticks * NANOS_PER_TICK, Long::sum);
                kernelByKind.merge(kind, kernelTicks * NANOS_PER_TICK, Long::sum);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid, e);
        }
        return new Reading(byKind, kernelByKind);
    }

    private String kindOf(String threadName) {
        for (Map.Entry<String, List<String>> jvm : JVM_THREADS.entrySet()) {
            if (jvm.getValue().stream().anyMatch(threadName::startsWith)) {
                return jvm.getKey();
            }
        }
        String kind = kindOfThread.apply(threadName);
        return kind == null ? "other" : kind;
    }

    private static final Map<String, List<String>> JVM_THREADS = new LinkedHashMap<>();

    static {
        JVM_THREADS.put("JIT compiler", List.of("C1 CompilerThre", "C2 CompilerThre"));
        JVM_THREADS.put("GC and VM", List.of("GC Thread", "G1 ", "GC task", "ParGC", "VM Thread"));
    }

    /** CPU nanoseconds by kind of thread at one moment, and the part of them spent in the kernel. */
    public record Reading(Map<String, Long> nanosByKind, Map<String, Long> kernelNanosByKind) {

        public Reading(Map<String, Long> nanosByKind) {
            this(nanosByKind, Map.of());
        }

        public long totalNanos() {
            return nanosByKind.values().stream().mapToLong(Long::longValue).sum();
        }

        /** What was used between {@code earlier} and this reading. */
        public Reading since(Reading earlier) {
            return new Reading(minus(nanosByKind, earlier.nanosByKind),
                    minus(kernelNanosByKind, earlier.kernelNanosByKind));
        }

        private static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
            Map<String, Long> used = new TreeMap<>();
            later.forEach((kind, nanos) -> used.put(kind, nanos - earlier.getOrDefault(kind, 0L)));
            return used;
        }
    }
}

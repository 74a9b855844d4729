package io.tampon.infra.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A server running in its own JVM, its output in a log file, tied to our life by {@link ParentWatchdog}.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Path NICE = Path.of("/usr/bin/nice");
    private static final Path SH = Path.of("/bin/sh");
    private static final Path OWN_TIMER_SLACK = Path.of("/proc/self/timerslack_ns");

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code mainClass} in a new JVM.
     *
     * @param jvmArgsFile a JVM {@code @argfile} holding flags and system properties, so the command stays short
     */
    public static ChildJvm start(String name, List<String> classpath, Path jvmArgsFile, String mainClass,
                                 List<String> args, Path logFile) {
        return start(name, classpath, jvmArgsFile, mainClass, args, logFile, 0);
    }

    /**
     * As {@link #start(String, List, Path, String, List, Path)}, at a lower CPU priority ({@code nice}, 1–19; 0 =
     * ours): on a machine where everything runs, the processes that must answer fast keep their share of the CPU
     * when the others are busy. {@code nice} execs the JVM, so the pid is the JVM's.
     */
    public static ChildJvm start(String name, List<String> classpath, Path jvmArgsFile, String mainClass,
                                 List<String> args, Path logFile, int niceness) {
        return start(name, classpath, jvmArgsFile, mainClass, args, logFile, niceness, 0);
    }

    /**
     * As {@link #start(String, List, Path, String, List, Path, int)}, with every thread of the JVM allowed to wake up
     * to {@code timerSlackNanos} late from a timed sleep (Linux's timer slack, 50 µs by default; 0 keeps it). A
     * larger slack lets the kernel coalesce the wake-ups of threads that poll by sleeping briefly in a loop, such as
     * Cassandra's request workers. Set before the JVM starts (threads inherit it); a shell execs the JVM, so the
     * pid is still the JVM's. Where the kernel has no per-process timer slack it is left as it is.
     */
    public static ChildJvm start(String name, List<String> classpath, Path jvmArgsFile, String mainClass,
                                 List<String> args, Path logFile, int niceness, long timerSlackNanos) {
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("niceness must be 0 to 19, was " + niceness);
        }
        if (timerSlackNanos < 0) {
            throw new IllegalArgumentException("timer slack must be >= 0 ns, was " + timerSlackNanos);
        }
        List<String> command = new ArrayList<>();
        if (timerSlackNanos > 0 && Files.isWritable(OWN_TIMER_SLACK) && Files.isExecutable(SH)) {
            // The shell sets its own slack and execs the rest of the command (nice, then java), which inherit it.
            command.addAll(List.of(SH.toString(), "-c",
                    "echo " + timerSlackNanos + " > " + OWN_TIMER_SLACK + "; exec \"$0\" \"$@\""));
        }
        if (niceness > 0 && Files.isExecutable(NICE)) {
            command.addAll(List.of(NICE.toString(), "-n", Integer.toString(niceness)));
        }
        command.add(javaExecutable());
        command.add("@" + jvmArgsFile);
        command.add("-cp");
        List<String> fullClasspath = new ArrayList<>(classpath);
        fullClasspath.add(ownCodeLocation());
        command.add(String.join(File.pathSeparator, fullClasspath));
        command.add(ParentWatchdog.class.getName());
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    // stdin stays a pipe from us: its end-of-file tells the child we are gone.
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            return new ChildJvm(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (log: " + logFile + ")", e);
        }
    }

    /** Runs a short-lived tool (e.g. Kafka's storage formatter) to completion. */
    public static void runToCompletion(String name, List<String> classpath, Path jvmArgsFile, String mainClass,
                                       List<String> args, Path logFile, long timeoutSeconds) {
        try (ChildJvm tool = start(name, classpath, jvmArgsFile, mainClass, args, logFile)) {
            if (!tool.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not finish in " + timeoutSeconds + " s; see " + logFile);
            }
            if (tool.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed with exit code " + tool.process.exitValue()
                        + "; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** Fails with a message naming the log file if the process has already exited. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue()
                    + " before it was ready; see its log: " + logFile);
        }
    }

    /** SIGTERM, so the server shuts down cleanly; SIGKILL if it has not stopped in time. */
    public void stop(long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: for tests that simulate a crash. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(20);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Our own classes (a jar or target/classes): the child needs {@link ParentWatchdog} from them. */
    private static String ownCodeLocation() {
        try {
            return Path.of(Objects.requireNonNull(ParentWatchdog.class.getProtectionDomain().getCodeSource())
                    .getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + logFile + ")";
    }
}

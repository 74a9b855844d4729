package io.tampon.infra.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

    private static List<String> testClasspath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    @Test
    void aServerThatDiesAtStartIsReportedWithItsExitCodeAndLogFile(@TempDir Path dir) throws Exception {
        Path jvmArgs = Files.write(dir.resolve("jvm.args"), List.of("-Xmx32m"));
        ChildJvm child = ChildJvm.start("broken", testClasspath(), jvmArgs, ExitingMain.class.getName(), List.of(),
                dir.resolve("broken.log"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !child.isAlive());

        IllegalStateException e = assertThrows(IllegalStateException.class, child::requireAlive);
        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("broken.log").toString()), e.getMessage());
        assertTrue(Files.readString(dir.resolve("broken.log")).contains("address already in use"));
    }

    @Test
    void aChildDiesWithItsParentEvenWhenTheParentIsKilled(@TempDir Path dir) throws Exception {
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), ParentOfSleeper.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
        long childPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream()))) {
            childPid = Long.parseLong(out.readLine().strip());
        }
        Optional<ProcessHandle> child = ProcessHandle.of(childPid);
        assertTrue(child.isPresent() && child.get().isAlive(), "the child runs");

        parent.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook of the parent runs

        await().atMost(Duration.ofSeconds(20)).until(() -> !child.get().isAlive());
        assertFalse(child.get().isAlive());
    }

    @Test
    void aChildStartedNicerRunsAtThatPriorityUnderItsOwnPid(@TempDir Path dir) throws Exception {
        Path jvmArgs = Files.write(dir.resolve("jvm.args"), List.of("-Xmx32m"));
        Path stat = Path.of("/proc/self/stat");
        assumeTrue(Files.isReadable(stat) && Files.isExecutable(Path.of("/usr/bin/nice")), "Linux only");
        try (ChildJvm child = ChildJvm.start("sleeper", testClasspath(), jvmArgs, SleepingMain.class.getName(),
                List.of(), dir.resolve("sleeper.log"), 7)) {
            Path childStat = Path.of("/proc", Long.toString(child.pid()), "stat");
            // nice execs the JVM: the pid we hold is the JVM's, so kill() and stop() reach it.
            await().atMost(Duration.ofSeconds(20)).until(() -> commandOf(child.pid()).contains("java"));
            assertEquals(niceOf(stat) + 7, niceOf(childStat));
        }
        assertThrows(IllegalArgumentException.class, () -> ChildJvm.start("x", testClasspath(), jvmArgs,
                SleepingMain.class.getName(), List.of(), dir.resolve("x.log"), 20));
    }

    @Test
    void aChildStartedWithATimerSlackHasItOnEveryThreadUnderItsOwnPid(@TempDir Path dir) throws Exception {
        Path jvmArgs = Files.write(dir.resolve("jvm.args"), List.of("-Xmx32m"));
        assumeTrue(Files.isWritable(Path.of("/proc/self/timerslack_ns")), "Linux 4.6+ only");
        try (ChildJvm child = ChildJvm.start("sleeper", testClasspath(), jvmArgs, SleepingMain.class.getName(),
                List.of(), dir.resolve("sleeper.log"), 3, 250_000)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> commandOf(child.pid()).contains("java"));
            // Threads the JVM started after the exec (GC, compiler, main) inherited it: read each by its thread id.
            List<Path> threads;
            try (var tasks = Files.list(Path.of("/proc", Long.toString(child.pid()), "task"))) {
                threads = tasks.toList();
            }
            assertTrue(threads.size() > 5, "a JVM's threads: " + threads);
            for (Path thread : threads) {
                assertEquals("250000", Files.readString(Path.of("/proc", thread.getFileName().toString(),
                        "timerslack_ns")).strip(), "thread " + thread);
            }
            assertEquals(niceOf(Path.of("/proc/self/stat")) + 3,
                    niceOf(Path.of("/proc", Long.toString(child.pid()), "stat")), "nice still applies");
        }
        assertThrows(IllegalArgumentException.class, () -> ChildJvm.start("x", testClasspath(), jvmArgs,
                SleepingMain.class.getName(), List.of(), dir.resolve("x.log"), 0, -1));
    }

    private static String commandOf(long pid) throws Exception {
        return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
    }

    /** Field 19 of /proc/<pid>/stat, counted after the command name's closing parenthesis. */
    private static int niceOf(Path stat) throws Exception {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}

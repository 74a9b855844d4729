package io.tampon.infra.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts a {@link SleepingMain} child, prints its pid, then waits to be killed. */
public final class ParentOfSleeper {

    private ParentOfSleeper() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path jvmArgs = Files.write(dir.resolve("child.args"), List.of("-Xmx32m"));
        ChildJvm child = ChildJvm.start("sleeper", List.of(System.getProperty("java.class.path").split(
                java.io.File.pathSeparator)), jvmArgs, SleepingMain.class.getName(), List.of(), dir.resolve("child.log"));
        System.out.println(child.pid());
        System.out.flush();
        Thread.currentThread().join();
    }
}

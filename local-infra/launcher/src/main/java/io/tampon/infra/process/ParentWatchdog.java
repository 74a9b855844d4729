package io.tampon.infra.process;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every server child JVM: runs the real main class, and exits when the parent dies.
 *
 * <p>Why: a child process outlives a parent killed with SIGKILL (or a test JVM that crashed), and a stray Kafka or
 * Cassandra would hold ports and disk. The parent keeps our standard input open as a pipe; the kernel closes it when
 * the parent dies, however it dies, so end-of-file is a reliable "parent gone" signal. We then exit normally so the
 * server's own shutdown hooks still run.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ParentWatchdog <main class> [args...]");
        }
        Thread watcher = new Thread(ParentWatchdog::exitWhenStdinCloses, "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenStdinCloses() {
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        try {
            while (in.read(buffer) >= 0) {
                // The parent never writes; anything read is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
        System.err.println("[tampon] parent process is gone; shutting down");
        System.exit(0);
    }
}

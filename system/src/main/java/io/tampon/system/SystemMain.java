package io.tampon.system;

import io.tampon.system.load.LoadRun;
import io.tampon.system.run.LocalRun;
import java.nio.file.Path;

/**
 * {@code run}, {@code demo [N]} (default 1,000 results) or {@code load <scenario> [capacity]} (see {@link LoadRun}). The project root comes from {@code tampon.project.root}
 * (set by the build), data goes to {@code <root>/.tampon-data}.
 */
public final class SystemMain {

    static final int DEFAULT_DEMO_RESULTS = 1_000;

    private SystemMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("tampon.project.root", ".")).toAbsolutePath().normalize();
        String mode = args.length > 0 ? args[0] : "run";
        if ("load".equals(mode)) {
            LoadRun.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int demoResults = switch (mode) {
            case "run" -> 0;
            case "demo" -> args.length > 1 ? parseCount(args[1]) : DEFAULT_DEMO_RESULTS;
            default -> throw new IllegalArgumentException("usage: run | demo [N] | load steady|spike|spike-kill [C]");
        };
        new LocalRun(root, root.resolve(".tampon-data"), System.out).runUntilInterrupted(demoResults);
    }

    static int parseCount(String text) {
        try {
            int count = Integer.parseInt(text);
            if (count < 1 || count > 1_000_000) {
                throw new IllegalArgumentException("N must be between 1 and 1000000, not " + text);
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("N must be a number, not " + text, e);
        }
    }
}

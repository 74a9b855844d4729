package io.tampon.infra.process;

import java.util.ArrayList;
import java.util.List;

/**
 * How a server JVM is tuned. Tests want a fast start (C1 only, serial GC); the local run and load runs want the
 * full JIT, because C1-only code would make every benchmark lie.
 */
public enum JvmProfile {
    TEST(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")),
    LOCAL_RUN(List.of("-XX:+UseG1GC"));

    private final List<String> compilerAndGcFlags;

    JvmProfile(List<String> compilerAndGcFlags) {
        this.compilerAndGcFlags = compilerAndGcFlags;
    }

    /** The profile's flags with a fixed heap: servers that lock their heap (Cassandra) need Xms = Xmx. */
    public List<String> flags(String heap) {
        List<String> flags = new ArrayList<>(compilerAndGcFlags);
        flags.add("-Xms" + heap);
        flags.add("-Xmx" + heap);
        flags.add("-XX:+ExitOnOutOfMemoryError");
        flags.add("-Djava.net.preferIPv4Stack=true");
        return flags;
    }
}

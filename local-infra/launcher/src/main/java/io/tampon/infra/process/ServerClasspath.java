package io.tampon.infra.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads a server's classpath, recorded at build time by the {@code *-dist} modules. */
public final class ServerClasspath {

    private ServerClasspath() {
    }

    public static List<String> kafka() {
        return read("kafka.classpath");
    }

    public static List<String> cassandra() {
        return read("cassandra.classpath");
    }

    static List<String> read(String resource) {
        String path = "/io/tampon/infra/dist/" + resource;
        try (InputStream in = ServerClasspath.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path + ": build the local-infra modules first (mvn install)");
            }
            List<String> entries = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()
                    .split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
            for (String entry : entries) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("server jar " + entry + " from " + path
                            + " is missing (local Maven repository cleaned?): rebuild with mvn install");
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

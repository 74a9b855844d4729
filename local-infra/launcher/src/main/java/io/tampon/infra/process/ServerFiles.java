package io.tampon.infra.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration files the servers read, copied from our resources into the server's folder. */
public final class ServerFiles {

    private ServerFiles() {
    }

    public static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = ServerFiles.class.getResourceAsStream("/io/tampon/infra/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /io/tampon/infra/" + resource);
            }
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        }
        return target;
    }
}

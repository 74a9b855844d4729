package io.tampon.infra;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reason a keeper could not start, left where the build's waiting step can read it. */
final class KeeperFailure {

    static final String FILE_NAME = "infra.failed";

    private KeeperFailure() {
    }

    static void write(Path dir, Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FILE_NAME), text.toString());
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    static String read(Path dir) {
        try {
            String text = Files.readString(dir.resolve(FILE_NAME));
            int firstLineEnd = text.indexOf('\n');
            return firstLineEnd > 0 ? text.substring(0, firstLineEnd) : text;
        } catch (IOException e) {
            return "(unreadable " + dir.resolve(FILE_NAME) + ")";
        }
    }

    static void clear(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE_NAME));
    }
}

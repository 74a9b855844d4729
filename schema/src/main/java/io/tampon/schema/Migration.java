package io.tampon.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One versioned CQL file, split into its statements. */
public record Migration(int version, String name, List<String> statements) {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.cql");
    static final String RESOURCE_DIR = "/io/tampon/schema/cql/";

    public Migration {
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
    }

    /** The migrations shipped in this jar, in the order of {@code migrations.txt}. */
    public static List<Migration> bundled() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : read("migrations.txt").split("\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                migrations.add(parse(file, read(file)));
            }
        }
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("migration versions must be 1, 2, 3...: " + migrations.get(i).name());
            }
        }
        return List.copyOf(migrations);
    }

    static Migration parse(String fileName, String cql) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("migration file must be named V###__name.cql: " + fileName);
        }
        return new Migration(Integer.parseInt(matcher.group(1)), fileName, splitStatements(cql));
    }

    /** Splits on ';' at line ends, after dropping '--' comment lines; our CQL files keep strings free of ';'. */
    static List<String> splitStatements(String cql) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : cql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return Arrays.stream(withoutComments.toString().split(";\\s*\n"))
                .map(String::strip)
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String read(String file) {
        try (InputStream in = Migration.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + RESOURCE_DIR + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

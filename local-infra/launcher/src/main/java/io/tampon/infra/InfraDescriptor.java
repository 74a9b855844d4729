package io.tampon.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where running servers listen, written by whoever started them so that other JVMs of the same build can use them.
 *
 * @param ownerPid the process that owns the servers; the descriptor is stale once it is gone
 */
public record InfraDescriptor(String kafkaBootstrapServers, String cassandraHost, int cassandraPort,
                              String keyspace, long ownerPid) {

    static final String FILE_NAME = "infra.properties";

    public InetSocketAddress cassandraContactPoint() {
        return new InetSocketAddress(cassandraHost, cassandraPort);
    }

    public boolean ownerAlive() {
        return ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Written to a temporary file and renamed, so a reader never sees half a descriptor. */
    void writeTo(Path dir) {
        Properties p = new Properties();
        p.setProperty("kafka.bootstrap-servers", kafkaBootstrapServers);
        p.setProperty("cassandra.host", cassandraHost);
        p.setProperty("cassandra.port", Integer.toString(cassandraPort));
        p.setProperty("cassandra.keyspace", keyspace);
        p.setProperty("owner.pid", Long.toString(ownerPid));
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(FILE_NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp)) {
                p.store(out, "Tampon shared infrastructure");
            }
            Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE_NAME), e);
        }
    }

    static Optional<InfraDescriptor> readFrom(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new InfraDescriptor(p.getProperty("kafka.bootstrap-servers"),
                p.getProperty("cassandra.host"), Integer.parseInt(p.getProperty("cassandra.port")),
                p.getProperty("cassandra.keyspace"), Long.parseLong(p.getProperty("owner.pid"))));
    }

    static void deleteFrom(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE_NAME));
        } catch (IOException e) {
            // Best effort: a stale descriptor is detected by its dead owner anyway.
        }
    }
}

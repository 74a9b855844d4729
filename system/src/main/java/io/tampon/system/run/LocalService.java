package io.tampon.system.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One of Tampon's services as the local run starts it: its runnable jar from the module's {@code target/}, the port
 * it listens on and the path that says it is ready.
 */
public record LocalService(String name, String module, int port, String readinessPath) {

    static final int WORKER_NICENESS = 10;

    /** The four services, in pipeline order, one process each. */
    public static List<LocalService> all() {
        return all(1);
    }

    /**
     * The four services with {@code signingReplicas} signing-service processes in one consumer group (the second
     * is {@code signing-service-2}, port 8085): a replica killed mid-spike leaves the other signing.
     */
    public static List<LocalService> all(int signingReplicas) {
        List<LocalService> services = new ArrayList<>();
        services.add(new LocalService("ingest-service", "ingest-service", 8081, "/health/readiness"));
        services.add(new LocalService("signing-service", "signing-service", 8082, "/actuator/health/readiness"));
        for (int replica = 2; replica <= signingReplicas; replica++) {
            services.add(new LocalService("signing-service-" + replica, "signing-service", 8083 + replica,
                    "/actuator/health/readiness"));
        }
        services.add(new LocalService("qr-service", "qr-service", 8083, "/actuator/health/readiness"));
        services.add(new LocalService("notification-service", "notification-service", 8084,
                "/actuator/health/readiness"));
        return List.copyOf(services);
    }

    /**
     * The CPU priority the local run gives this service ({@code nice}): the pipeline's workers yield to the edge
     * (and to Kafka, which it waits on), so that on one shared machine a spike slows the drain, not the answers to
     * pharmacies: the topic is the buffer. Cassandra, which serves the workers, runs at the same priority. In a
     * cluster, separate nodes and CPU requests do the same.
     */
    public int niceness() {
        return module.equals("ingest-service") ? 0 : WORKER_NICENESS;
    }

    /** The module's runnable jar (the one with a Main-Class), if it has been built. */
    public Optional<Path> runnableJar(Path projectRoot) {
        Path target = projectRoot.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .filter(f -> !f.getFileName().toString().startsWith("original-"))
                    .filter(f -> mainClass(f).isPresent())
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> mainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Optional.ofNullable(file.getManifest())
                    .map(m -> m.getMainAttributes().getValue("Main-Class"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

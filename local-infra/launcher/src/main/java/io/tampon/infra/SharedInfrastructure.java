package io.tampon.infra;

import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One broker and one node per build, not per test class.
 *
 * <p>In a full build the launcher module starts a keeper process before its integration tests and Maven keeps it
 * until the build ends; every test JVM finds it through the descriptor in {@code -Dtampon.infra.dir}. A module built
 * alone ({@code mvn verify -pl qr-service}) finds no keeper and starts servers of its own, owned by its test JVM.
 */
final class SharedInfrastructure {

    static final String DIR_PROPERTY = "tampon.infra.dir";
    private static LocalInfrastructure instance;

    private SharedInfrastructure() {
    }

    static synchronized LocalInfrastructure get() {
        if (instance == null) {
            instance = new LocalInfrastructure(findKeeper().orElseGet(SharedInfrastructure::startOwn));
        }
        return instance;
    }

    private static Optional<InfraDescriptor> findKeeper() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null) {
            return Optional.empty();
        }
        return InfraDescriptor.readFrom(Path.of(dir)).filter(InfraDescriptor::ownerAlive)
                .filter(d -> FreePorts.isListening(d.cassandraHost(), d.cassandraPort()));
    }

    private static InfraDescriptor startOwn() {
        Path dir = Path.of("target", "local-infra-" + ProcessHandle.current().pid()).toAbsolutePath();
        // Benchmarks ask for the full JIT (-Dtampon.infra.profile=LOCAL_RUN); tests want a fast start.
        JvmProfile profile = JvmProfile.valueOf(System.getProperty("tampon.infra.profile", JvmProfile.TEST.name()));
        ServerSet servers = ServerSet.start(dir, new ServerSet.Ports(FreePorts.next(), FreePorts.next()), profile)
                .stopOnExit();
        return servers.describe();
    }

    /**
     * Waits for a keeper that was just launched to publish its descriptor; fails fast, with the keeper's reason, if it
     * gave up. Used by the build between starting the keeper and running the integration tests.
     */
    static InfraDescriptor awaitKeeper(Path dir, Duration timeout) throws InterruptedException, IOException {
        long started = System.currentTimeMillis();
        long deadline = System.nanoTime() + timeout.toNanos();
        Path failure = dir.resolve(KeeperFailure.FILE_NAME);
        while (System.nanoTime() < deadline) {
            Optional<InfraDescriptor> descriptor = InfraDescriptor.readFrom(dir).filter(InfraDescriptor::ownerAlive);
            if (descriptor.isPresent()) {
                return descriptor.get();
            }
            if (Files.exists(failure) && Files.getLastModifiedTime(failure).toMillis() >= started - 1000) {
                throw new IllegalStateException("the shared infrastructure failed to start: " + KeeperFailure.read(dir));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the shared infrastructure was not ready in " + timeout.toSeconds()
                + " s; see the logs under " + dir);
    }
}

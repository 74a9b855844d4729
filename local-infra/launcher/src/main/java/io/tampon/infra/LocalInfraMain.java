package io.tampon.infra;

import io.tampon.infra.process.FreePorts;
import io.tampon.infra.process.JvmProfile;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the local infrastructure.
 * <ul>
 *   <li>{@code keeper <dir> [TEST|LOCAL_RUN] [cassandra niceness]}: shared servers, kept until this process ends
 *   (build, benchmarks); the niceness (1–19, default 0) lowers the node's CPU priority.</li>
 *   <li>{@code await-keeper <dir>}: waits until the keeper is ready (or fails with its reason).</li>
 * </ul>
 */
public final class LocalInfraMain {

    private LocalInfraMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        switch (mode) {
            case "keeper" -> keep(Path.of(requireDir(args)).toAbsolutePath(),
                    JvmProfile.valueOf(args.length > 2 ? args[2] : JvmProfile.TEST.name()),
                    args.length > 3 ? Integer.parseInt(args[3]) : 0);
            case "await-keeper" -> {
                InfraDescriptor ready = SharedInfrastructure.awaitKeeper(Path.of(requireDir(args)),
                        ServerSet.START_TIMEOUT.plusMinutes(1));
                System.out.println("[tampon] shared infrastructure ready: Kafka " + ready.kafkaBootstrapServers()
                        + ", Cassandra " + ready.cassandraHost() + ":" + ready.cassandraPort());
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode + " (keeper | await-keeper; the local run is the system module)");
        }
    }

    private static String requireDir(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: " + args[0] + " <dir>");
        }
        return args[1];
    }

    private static void keep(Path dir, JvmProfile profile, int cassandraNiceness) throws Exception {
        InfraDescriptor.deleteFrom(dir);
        KeeperFailure.clear(dir);
        ServerSet servers;
        try {
            servers = ServerSet.start(dir, new ServerSet.Ports(FreePorts.next(), FreePorts.next()), profile,
                    cassandraNiceness).stopOnExit();
        } catch (RuntimeException e) {
            KeeperFailure.write(dir, e);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> InfraDescriptor.deleteFrom(dir), "tampon-descriptor"));
        servers.describe().writeTo(dir);
        new CountDownLatch(1).await();
    }

}

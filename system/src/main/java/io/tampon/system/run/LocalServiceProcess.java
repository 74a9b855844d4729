package io.tampon.system.run;

import io.tampon.infra.process.ChildJvm;
import io.tampon.infra.process.JvmProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service of ours running as its own process for the local run. */
public final class LocalServiceProcess {

    private final LocalService service;
    private final ChildJvm process;
    private final int port;

    private LocalServiceProcess(LocalService service, ChildJvm process, int port) {
        this.service = service;
        this.process = process;
        this.port = port;
    }

    /**
     * @param settings system properties handed to the service (addresses of Kafka, Cassandra, SMTP...)
     */
    static LocalServiceProcess start(LocalService service, Path jar, int port, Map<String, String> settings,
                                     Path logDir) {
        try {
            Files.createDirectories(logDir);
            List<String> jvmArgs = new ArrayList<>(JvmProfile.LOCAL_RUN.flags("384m"));
            jvmArgs.add("-Dserver.port=" + port);
            jvmArgs.add("-Dmicronaut.server.port=" + port);
            settings.forEach((key, value) -> jvmArgs.add("-D" + key + "=" + value));
            Path argsFile = logDir.resolve(service.name() + ".jvm.args");
            Files.write(argsFile, jvmArgs);
            String mainClass = LocalService.mainClass(jar).orElseThrow();
            ChildJvm process = ChildJvm.start(service.name(), List.of(jar.toString()), argsFile, mainClass,
                    List.of(), logDir.resolve(service.name() + ".log"), service.niceness());
            return new LocalServiceProcess(service, process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public LocalService service() {
        return service;
    }

    public ChildJvm process() {
        return process;
    }

    /** Polls the readiness path until it answers 200. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + service.readinessPath()))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            process.requireAlive();
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(service.name() + " was not ready in " + timeout.toSeconds()
                + " s; see its log: " + process.logFile());
    }
}

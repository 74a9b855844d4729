package io.tampon.signing;

import io.tampon.contracts.Topics;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.contracts.events.TestKind;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.kafka.KafkaTestClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passes signed per second by one signing-service consumer thread, the broker and node local: N results are put on
 * the topic first (a backlog, as after a spike), then the service drains them. The rate is measured from
 * {@code -Dbench.warmUp} (half) of the backlog to its end, once the JIT has warmed up, with the CPU the service used
 * meanwhile (passes per CPU-second: the rate per core). Run on purpose: benchmarks/signing-service.sh.
 * Arguments: {@code [results] [--extra.spring.argument=value ...]} to tune the service under test.
 */
public final class SigningThroughputBenchmark {

    private SigningThroughputBenchmark() {
    }

    /** Share of the backlog drained before the measurement starts: the JIT needs tens of thousands of passes. */
    private static final double WARM_UP = Double.parseDouble(System.getProperty("bench.warmUp", "0.5"));

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        LocalInfrastructure infra = LocalInfrastructure.shared();
        JsonMapper json = JsonMapper.builder().build();
        Set<String> keys = new HashSet<>();
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            Map<String, byte[]> backlog = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                ResultReceived result = SigningServiceIT.result(UUID.randomUUID(), TestKind.RAPID_ANTIGEN, "1232");
                keys.add(result.resultId().toString());
                backlog.put(result.resultId().toString(), json.writeValueAsBytes(result));
            }
            kafka.sendAll(Topics.RESULTS.name(), backlog);
            System.out.printf("[bench] %d results on %s%n", count, Topics.RESULTS.name());

            String[] arguments = Stream.concat(Arrays.stream(infra.serviceArguments(Map.of(
                    "spring.kafka.consumer.group-id", "bench-" + UUID.randomUUID(),
                    "spring.kafka.listener.concurrency", "1",
                    "tampon.signing.keys.keystore",
                    Files.createTempDirectory("bench-keys").resolve("keystore.p12").toString(),
                    "logging.level.root", "WARN"))), Arrays.stream(args).skip(1)).toArray(String[]::new);
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SigningApplication.class)
                    .run(arguments)) {
                KafkaTestClient.Drain drain = kafka.measureDrain(Topics.PASSES_SIGNED.name(), keys, WARM_UP,
                        Duration.ofMinutes(15));
                System.out.printf("[bench] signing-service, 1 consumer thread: %d passes after warm-up in %.1f s = "
                        + "%.0f passes/s%n", drain.records(), drain.seconds(), drain.perSecond());
                System.out.printf("RESULT signing-service-passes-per-second %.0f%n", drain.perSecond());
                System.out.printf("[bench] the service used %.2f cores meanwhile: %.0f passes per CPU-second%n",
                        drain.coresUsed(), drain.perCpuSecond());
                System.out.printf("RESULT signing-service-passes-per-cpu-second %.0f%n", drain.perCpuSecond());
            }
        }
        System.exit(0);
    }
}

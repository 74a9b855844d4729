package io.tampon.qr;

import io.tampon.contracts.Topics;
import io.tampon.contracts.events.PassSigned;
import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.kafka.KafkaTestClient;
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
 * Passes rendered, stored and announced per second by one qr-service consumer thread, the broker and node local:
 * N signed passes are put on the topic first (a backlog), then the service drains them. The rate is measured from
 * {@code -Dbench.warmUp} (half) of the backlog to its end, after warm-up. Run on purpose: benchmarks/qr-service.sh.
 * Arguments: {@code [passes] [--extra.spring.argument=value ...]} to tune the service under test.
 */
public final class QrThroughputBenchmark {

    private QrThroughputBenchmark() {
    }

    /** Share of the backlog drained before the measurement starts: the JIT needs tens of thousands of passes. */
    private static final double WARM_UP = Double.parseDouble(System.getProperty("bench.warmUp", "0.5"));

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        LocalInfrastructure infra = LocalInfrastructure.shared();
        JsonMapper json = JsonMapper.builder().build();
        Set<String> keys = new HashSet<>();
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            Map<String, byte[]> backlog = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                PassSigned pass = QrServiceITSupport.signedPass(UUID.randomUUID());
                keys.add(pass.resultId().toString());
                backlog.put(pass.resultId().toString(), json.writeValueAsBytes(pass));
            }
            kafka.sendAll(Topics.PASSES_SIGNED.name(), backlog);
            System.out.printf("[bench] %d signed passes on %s%n", count, Topics.PASSES_SIGNED.name());

            String[] arguments = Stream.concat(Arrays.stream(infra.serviceArguments(Map.of(
                    "spring.kafka.consumer.group-id", "bench-" + UUID.randomUUID(),
                    "spring.kafka.listener.concurrency", "1",
                    "tampon.qr.link-secret", "benchmark-link-secret-of-32-bytes!!!!",
                    "logging.level.root", "WARN"))), Arrays.stream(args).skip(1)).toArray(String[]::new);
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(QrApplication.class)
                    .run(arguments)) {
                KafkaTestClient.Drain drain = kafka.measureDrain(Topics.PASSES_ISSUED.name(), keys, WARM_UP,
                        Duration.ofMinutes(15));
                System.out.printf("[bench] qr-service, 1 consumer thread: %d passes after warm-up in %.1f s = "
                        + "%.0f passes/s%n", drain.records(), drain.seconds(), drain.perSecond());
                System.out.printf("RESULT qr-service-passes-per-second %.0f%n", drain.perSecond());
                System.out.printf("[bench] the service used %.2f cores meanwhile: %.0f passes per CPU-second%n",
                        drain.coresUsed(), drain.perCpuSecond());
                System.out.printf("RESULT qr-service-passes-per-cpu-second %.0f%n", drain.perCpuSecond());
            }
        }
        System.exit(0);
    }
}

package io.tampon.infra.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.infra.LocalInfrastructure;
import io.tampon.infra.junit.LocalInfraTest;
import io.tampon.infra.process.ThreadCpu;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The benchmarks' drain measurement against the real broker: it counts end offsets, then checks the records. */
@LocalInfraTest
class KafkaTestClientIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void measuresTheRecordsPublishedAfterTheWarmUp(LocalInfrastructure infra) throws Exception {
        String topic = newTopic(infra);
        List<String> keys = keys(200);
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            // The first half once the measurement has started, the second once it saw the warm-up (half) end: the
            // CPU readings it takes at those two moments are the signals.
            CpuReadings readings = new CpuReadings();
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                readings.await(1);
                kafka.sendAll(topic, values(keys.subList(0, 100)));
                readings.await(2);
                kafka.sendAll(topic, values(keys.subList(100, 200)));
            });
            KafkaTestClient.Drain drain = kafka.measureDrain(topic, Set.copyOf(keys), 0.5, TIMEOUT, readings);
            producing.get();
            assertEquals(100, drain.records());
            assertTrue(drain.seconds() > 0 && drain.seconds() < 30, "window of " + drain.seconds() + " s");
        }
    }

    @Test
    void refusesACountThatHoldsADuplicate(LocalInfrastructure infra) throws Exception {
        String topic = newTopic(infra);
        List<String> keys = keys(100);
        try (KafkaTestClient kafka = new KafkaTestClient(infra.kafkaBootstrapServers())) {
            // 100 records for 100 keys, but one key twice and one never: the offsets alone would say "done".
            CpuReadings readings = new CpuReadings();
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                readings.await(1);
                kafka.sendAll(topic, values(keys.subList(0, 99)));
                kafka.send(topic, null, keys.get(0), new byte[] {1});
            });
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> kafka.measureDrain(topic, Set.copyOf(keys), 0.5, TIMEOUT, readings));
            producing.get();
            assertTrue(refused.getMessage().contains("duplicate"), refused.getMessage());
        }
    }

    private static String newTopic(LocalInfrastructure infra) throws Exception {
        String topic = "drain-it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        return topic;
    }

    private static List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
    }

    private static Map<String, byte[]> values(List<String> keys) {
        return keys.stream().collect(Collectors.toMap(key -> key, key -> new byte[] {0}, (a, b) -> a,
                LinkedHashMap::new));
    }

    /** Empty CPU readings that count how many were taken, for a producer to wait on. */
    private static final class CpuReadings implements Supplier<ThreadCpu.Reading> {

        private final Semaphore taken = new Semaphore(0);
        private int awaited;

        @Override
        public ThreadCpu.Reading get() {
            taken.release();
            return new ThreadCpu.Reading(Map.of());
        }

        /** Returns once the {@code n}th reading was taken (called with 1, 2, … from one thread). */
        void await(int n) {
            try {
                if (!taken.tryAcquire(n - awaited, TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("reading " + n + " was never taken");
                }
                awaited = n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

package io.tampon.ingest.intake;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tampon.ingest.config.KafkaProperties;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Not ready while Kafka is unreachable: the load balancer then sends pharmacies to an instance that can accept.
 * Checked in the background every 2 s, so a probe never waits on the broker.
 */
@Singleton
@Readiness
class KafkaReadiness implements HealthIndicator {

    private final Admin admin;
    private volatile boolean reachable;

    KafkaReadiness(KafkaProperties kafka) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1500,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1500,
                AdminClientConfig.CLIENT_ID_CONFIG, "ingest-readiness"));
        check();
    }

    @Scheduled(fixedDelay = "2s")
    void check() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(1500)).nodes().get(2, TimeUnit.SECONDS);
            reachable = true;
        } catch (Exception e) {
            reachable = false;
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.just(HealthResult.builder("kafka", reachable ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("reachable", reachable)).build());
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}

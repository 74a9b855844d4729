package io.tampon.spring;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import io.tampon.stage.ResultStageRepository;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Shared by every Spring Kafka worker ({@code @Import} it): the clock, the Cassandra session and stage repository,
 * and the one error handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CassandraProperties.class)
public class WorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    CqlSession cqlSession(CassandraProperties cassandra) {
        CqlSessionBuilder builder = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.port()))
                .withLocalDatacenter(cassandra.localDatacenter())
                .withKeyspace(cassandra.keyspace());
        if (cassandra.username() != null) {
            builder.withAuthCredentials(cassandra.username(), cassandra.password());
        }
        return builder.build();
    }

    @Bean
    ResultStageRepository resultStageRepository(CqlSession session, CassandraProperties cassandra) {
        return new ResultStageRepository(session, cassandra.consistencyLevel());
    }

    /**
     * Records that can never succeed never reach it: listeners dead-letter them themselves. What reaches it is
     * transient (broker or Cassandra unavailable), so the whole batch is retried with back-off, forever, without
     * committing; the consumer is paused between attempts. Nothing is skipped, and re-processing is byte-identical.
     */
    @Bean
    CommonErrorHandler errorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(org.springframework.kafka.core.KafkaTemplate<String, byte[]> kafka,
                                            org.springframework.core.env.Environment environment) {
        return new DeadLetterPublisher(kafka, environment.getProperty("spring.application.name", "tampon"));
    }
}

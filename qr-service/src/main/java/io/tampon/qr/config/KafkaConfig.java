package io.tampon.qr.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error handler of the service. Records that can never succeed never reach it: the listener sends them to
 * the dead-letter topic itself. What reaches it is transient (broker or Cassandra unavailable), so the whole batch
 * is retried with back-off, forever, without committing: nothing is skipped, and re-signing is byte-identical.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    CommonErrorHandler errorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}

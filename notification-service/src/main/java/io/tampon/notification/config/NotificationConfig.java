package io.tampon.notification.config;

import io.tampon.spring.WorkerConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The shared worker set-up (clock, Cassandra, error handler, dead letters) and this service's properties. */
@Configuration(proxyBeanMethods = false)
@Import(WorkerConfiguration.class)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfig {
}

package io.tampon.qr.config;

import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.stage.ResultStageRepository;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock and the Cassandra session: created once, injected everywhere. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({QrProperties.class, CassandraProperties.class})
class InfrastructureConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    CqlSession cqlSession(CassandraProperties cassandra) {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.port()))
                .withLocalDatacenter(cassandra.localDatacenter())
                .withKeyspace(cassandra.keyspace())
                .build();
    }

    @Bean
    ResultStageRepository resultStageRepository(CqlSession session, CassandraProperties cassandra) {
        return new ResultStageRepository(session, cassandra.consistencyLevel());
    }
}

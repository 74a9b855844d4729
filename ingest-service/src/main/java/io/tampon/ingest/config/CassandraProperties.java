package io.tampon.ingest.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where stages are read from ({@code tampon.cassandra.*}).
 *
 * @param consistency LOCAL_QUORUM in production, ONE for the single local node
 * @param username    when the cluster requires authentication (from a Secret: TAMPON_CASSANDRA_USERNAME)
 * @param password    from a Secret (TAMPON_CASSANDRA_PASSWORD)
 */
@ConfigurationProperties("tampon.cassandra")
public record CassandraProperties(@Bindable(defaultValue = "127.0.0.1:9042") String contactPoint,
                                  @Bindable(defaultValue = "datacenter1") String localDatacenter,
                                  @Bindable(defaultValue = "tampon") String keyspace,
                                  @Bindable(defaultValue = "LOCAL_QUORUM") String consistency,
                                  @Nullable String username,
                                  @Nullable String password) {

    public CassandraProperties {
        if (contactPoint == null || !contactPoint.matches("[^:]+:\\d{1,5}")) {
            throw new IllegalArgumentException("tampon.cassandra.contact-point must be host:port");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("tampon.cassandra.username and .password go together");
        }
    }

    @Override
    public String toString() {
        return "CassandraProperties[" + contactPoint + ", " + localDatacenter + ", " + keyspace + ", " + consistency
                + (username == null ? "" : ", user " + username) + "]"; // never the password
    }
}

package io.tampon.spring;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the stages are recorded ({@code tampon.cassandra.*}).
 *
 * @param contactPoint  host:port of one node
 * @param consistency   LOCAL_QUORUM in production (3 replicas), ONE for the single local node
 * @param username      when the cluster requires authentication (from a Secret: TAMPON_CASSANDRA_USERNAME)
 * @param password      from a Secret (TAMPON_CASSANDRA_PASSWORD); never in a file of the repository
 */
@ConfigurationProperties("tampon.cassandra")
public record CassandraProperties(@DefaultValue("127.0.0.1:9042") String contactPoint,
                                  @DefaultValue("datacenter1") String localDatacenter,
                                  @DefaultValue("tampon") String keyspace,
                                  @DefaultValue("LOCAL_QUORUM") String consistency,
                                  String username,
                                  String password) {

    public CassandraProperties {
        if (!contactPoint.matches("[^:]+:\\d{1,5}")) {
            throw new IllegalArgumentException("tampon.cassandra.contact-point must be host:port");
        }
        consistencyLevel(consistency);
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("tampon.cassandra.username and .password go together");
        }
    }

    @Override
    public String toString() {
        return "CassandraProperties[" + contactPoint + ", " + localDatacenter + ", " + keyspace + ", " + consistency
                + (username == null ? "" : ", user " + username) + "]"; // never the password
    }

    public ConsistencyLevel consistencyLevel() {
        return consistencyLevel(consistency);
    }

    private static ConsistencyLevel consistencyLevel(String name) {
        try {
            return DefaultConsistencyLevel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tampon.cassandra.consistency: unknown level " + name);
        }
    }

    public String host() {
        return contactPoint.substring(0, contactPoint.lastIndexOf(':'));
    }

    public int port() {
        return Integer.parseInt(contactPoint.substring(contactPoint.lastIndexOf(':') + 1));
    }
}

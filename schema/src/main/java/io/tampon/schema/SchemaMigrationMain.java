package io.tampon.schema;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies the schema to a cluster: the deployments' migration Job (image {@code tampon/schema-migrator}). Idempotent,
 * so it runs before every rollout. Configured by environment variables:
 * <ul>
 *   <li>{@code TAMPON_CASSANDRA_CONTACT_POINT} host:port (required)</li>
 *   <li>{@code TAMPON_CASSANDRA_LOCAL_DATACENTER} (default {@code datacenter1})</li>
 *   <li>{@code TAMPON_CASSANDRA_KEYSPACE} (default {@code tampon})</li>
 *   <li>{@code TAMPON_CASSANDRA_REPLICATION} the CQL map used if the keyspace does not exist yet (required)</li>
 *   <li>{@code TAMPON_CASSANDRA_USERNAME}, {@code TAMPON_CASSANDRA_PASSWORD} from a Secret, when auth is on</li>
 * </ul>
 */
public final class SchemaMigrationMain {

    private SchemaMigrationMain() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.from(System::getenv);
        CqlSessionBuilder builder = CqlSession.builder().addContactPoint(settings.contactPoint())
                .withLocalDatacenter(settings.localDatacenter());
        if (settings.username() != null) {
            builder.withAuthCredentials(settings.username(), settings.password());
        }
        try (CqlSession session = builder.build()) {
            List<Integer> applied = new SchemaMigrator(session, settings.keyspace(), settings.replication()).migrate();
            System.out.println("schema of keyspace " + settings.keyspace() + ": applied " + applied);
        }
    }

    /** What the Job passes, checked before anything connects. */
    record Settings(InetSocketAddress contactPoint, String localDatacenter, String keyspace, String replication,
                    String username, String password) {

        static Settings from(Function<String, String> environment) {
            String contactPoint = require(environment, "TAMPON_CASSANDRA_CONTACT_POINT");
            int colon = contactPoint.lastIndexOf(':');
            if (colon <= 0 || !contactPoint.substring(colon + 1).matches("\\d{1,5}")) {
                throw new IllegalArgumentException("TAMPON_CASSANDRA_CONTACT_POINT must be host:port");
            }
            String keyspace = or(environment, "TAMPON_CASSANDRA_KEYSPACE", "tampon");
            if (!keyspace.matches("[a-z][a-z0-9_]{0,47}")) {
                throw new IllegalArgumentException("TAMPON_CASSANDRA_KEYSPACE is not a keyspace name: " + keyspace);
            }
            String replication = require(environment, "TAMPON_CASSANDRA_REPLICATION");
            if (!replication.strip().startsWith("{") || !replication.contains("'class'")) {
                throw new IllegalArgumentException("TAMPON_CASSANDRA_REPLICATION must be a CQL replication map");
            }
            String username = environment.apply("TAMPON_CASSANDRA_USERNAME");
            String password = environment.apply("TAMPON_CASSANDRA_PASSWORD");
            if ((username == null) != (password == null)) {
                throw new IllegalArgumentException("TAMPON_CASSANDRA_USERNAME and _PASSWORD go together");
            }
            return new Settings(InetSocketAddress.createUnresolved(contactPoint.substring(0, colon),
                    Integer.parseInt(contactPoint.substring(colon + 1))),
                    or(environment, "TAMPON_CASSANDRA_LOCAL_DATACENTER", "datacenter1"), keyspace, replication,
                    username, password);
        }

        private static String require(Function<String, String> environment, String name) {
            String value = environment.apply(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required");
            }
            return value;
        }

        private static String or(Function<String, String> environment, String name, String fallback) {
            String value = environment.apply(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        @Override
        public String toString() {
            return "Settings[" + contactPoint + ", " + localDatacenter + ", " + keyspace + "]";
        }

        static Settings of(Map<String, String> environment) {
            return from(environment::get);
        }
    }
}

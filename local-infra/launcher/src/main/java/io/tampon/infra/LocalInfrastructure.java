package io.tampon.infra;

import com.datastax.oss.driver.api.core.CqlSession;
import io.tampon.infra.cassandra.CassandraNode;
import io.tampon.infra.mail.MailSink;
import io.tampon.infra.process.FreePorts;
import io.tampon.infra.sms.SmsGatewayStandIn;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running infrastructure a test (or the local run) talks to: a real Kafka broker and Cassandra node, shared by
 * the whole build, plus an SMTP sink and an SMS gateway stand-in living in this JVM.
 */
public final class LocalInfrastructure {

    /** Credentials the SMS stand-in expects; local only, like everything in this class. */
    public static final String SMS_USER = "tampon";
    public static final String SMS_PASSWORD = "local-sms-secret";

    private final InfraDescriptor servers;
    private MailSink mail;
    private SmsGatewayStandIn sms;

    LocalInfrastructure(InfraDescriptor servers) {
        this.servers = servers;
    }

    /** The build's shared infrastructure, started or found on first use (see {@link SharedInfrastructure}). */
    public static LocalInfrastructure shared() {
        return SharedInfrastructure.get();
    }

    public String kafkaBootstrapServers() {
        return servers.kafkaBootstrapServers();
    }

    public InetSocketAddress cassandraContactPoint() {
        return servers.cassandraContactPoint();
    }

    public String cassandraLocalDatacenter() {
        return CassandraNode.LOCAL_DATACENTER;
    }

    /** The keyspace holding Tampon's schema, already migrated. */
    public String keyspace() {
        return servers.keyspace();
    }

    /** A new session on Tampon's keyspace; the caller closes it. */
    public CqlSession newCqlSession() {
        return CassandraNode.newSession(cassandraContactPoint(), keyspace());
    }

    /**
     * Command-line arguments that point a service started in a test at this infrastructure (random HTTP port,
     * Kafka, Cassandra), followed by {@code extra}; a later argument wins, so {@code extra} may override any of them.
     * Command-line arguments, unlike defaults, outrank the service's {@code application.yml}.
     */
    public String[] serviceArguments(Map<String, String> extra) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("server.port", "0");
        arguments.put("tampon.kafka.bootstrap-servers", kafkaBootstrapServers());
        arguments.put("tampon.cassandra.contact-point", cassandraContactPoint().getHostString() + ":"
                + cassandraContactPoint().getPort());
        arguments.put("tampon.cassandra.keyspace", keyspace());
        arguments.putAll(extra);
        return arguments.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public synchronized MailSink mail() {
        if (mail == null) {
            mail = MailSink.start(FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "tampon-mail-stop"));
        }
        return mail;
    }

    public synchronized SmsGatewayStandIn sms() {
        if (sms == null) {
            sms = SmsGatewayStandIn.start(FreePorts.next(), SMS_USER, SMS_PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(sms::close, "tampon-sms-stop"));
        }
        return sms;
    }
}

package io.tampon.contracts;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kafka topic as the whole system sees it: the local broker, the services and the deploy manifests all read
 * these values, so a topic is never declared twice.
 *
 * @param name       the topic name, versioned ({@code .v1}) so an incompatible schema gets a new topic
 * @param partitions the partition count; it caps how many consumers of a group can work in parallel
 * @param retention  how long records are kept; the buffer must outlast the longest outage we plan to absorb
 * @param deadLetter the topic that receives records that can never be processed, if the stage has one
 */
public record TopicDeclaration(String name, int partitions, Duration retention, Optional<TopicDeclaration> deadLetter) {

    public TopicDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(deadLetter, "deadLetter");
        if (!name.matches("[a-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("invalid topic name: " + name);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1 for " + name);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive for " + name);
        }
    }

    static TopicDeclaration withDeadLetter(String name, int partitions, Duration retention,
                                           int deadLetterPartitions, Duration deadLetterRetention) {
        TopicDeclaration dlt = new TopicDeclaration(name + ".dlt", deadLetterPartitions, deadLetterRetention,
                Optional.empty());
        return new TopicDeclaration(name, partitions, retention, Optional.of(dlt));
    }

    public long retentionMillis() {
        return retention.toMillis();
    }
}

package io.tampon.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one declaration of Tampon's topics. Each arrow of the pipeline is a topic; each consumer group scales up to
 * its topic's partition count, so partitions are sized for the largest deployment we plan (see docs/architecture.md).
 */
public final class Topics {

    /** Twelve partitions: up to twelve replicas of a worker can drain one stage in parallel. */
    static final int PIPELINE_PARTITIONS = 12;
    /** A week of retention absorbs a weekend-long outage of any downstream stage without losing a record. */
    static final Duration PIPELINE_RETENTION = Duration.ofDays(7);
    static final int DEAD_LETTER_PARTITIONS = 3;
    /** Dead letters wait for a human: keep them long enough to be investigated and replayed. */
    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    /** Results accepted by ingest-service, keyed by resultId. */
    public static final TopicDeclaration RESULTS = pipeline("tampon.results.v1");
    /** Passes signed by signing-service, keyed by resultId. */
    public static final TopicDeclaration PASSES_SIGNED = pipeline("tampon.passes.signed.v1");
    /** Passes rendered and stored by qr-service, keyed by resultId. */
    public static final TopicDeclaration PASSES_ISSUED = pipeline("tampon.passes.issued.v1");

    private static final List<TopicDeclaration> PIPELINE = List.of(RESULTS, PASSES_SIGNED, PASSES_ISSUED);

    private Topics() {
    }

    private static TopicDeclaration pipeline(String name) {
        return TopicDeclaration.withDeadLetter(name, PIPELINE_PARTITIONS, PIPELINE_RETENTION,
                DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION);
    }

    /** The pipeline topics in flow order, without their dead-letter topics. */
    public static List<TopicDeclaration> pipeline() {
        return PIPELINE;
    }

    /** Every topic to create: pipeline topics and their dead-letter topics. */
    public static List<TopicDeclaration> all() {
        List<TopicDeclaration> all = new ArrayList<>();
        for (TopicDeclaration topic : PIPELINE) {
            all.add(topic);
            topic.deadLetter().ifPresent(all::add);
        }
        return List.copyOf(all);
    }
}

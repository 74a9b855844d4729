package io.tampon.system.monitor;

import io.tampon.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Each pipeline consumer group's lag, read with the Admin API the way an autoscaler reads it: the topic's end
 * offsets minus the group's committed offsets, summed over partitions (a partition the group never committed
 * counts whole).
 */
public final class ConsumerLag {

    /** A consumer group of the pipeline and the topic it reads. */
    public record Group(String stage, String groupId, String topic) {
    }

    /** The groups of the four services with their default names. */
    public static final List<Group> PIPELINE = List.of(
            new Group("sign", "signing-service", Topics.RESULTS.name()),
            new Group("issue", "qr-service", Topics.PASSES_SIGNED.name()),
            new Group("email", "notification-service-email", Topics.PASSES_ISSUED.name()),
            new Group("sms", "notification-service-sms", Topics.PASSES_ISSUED.name()));

    /**
     * Offsets at one moment: records written to each topic (end offsets summed over partitions) and records each
     * group has committed (summed the same way).
     */
    public record Offsets(Map<String, Long> written, Map<String, Long> committed) {

        public long lag(Group group) {
            return Math.max(0, written.getOrDefault(group.topic(), 0L) - committed.getOrDefault(group.groupId(), 0L));
        }
    }

    private final Admin admin;

    public ConsumerLag(Admin admin) {
        this.admin = admin;
    }

    /** Lag per group id, in the order given. */
    public Map<String, Long> read(List<Group> groups) throws InterruptedException {
        Offsets offsets = offsets(groups);
        Map<String, Long> lags = new LinkedHashMap<>();
        groups.forEach(group -> lags.put(group.groupId(), offsets.lag(group)));
        return lags;
    }

    public Offsets offsets(List<Group> groups) throws InterruptedException {
        try {
            Set<String> topics = new LinkedHashSet<>();
            groups.forEach(g -> topics.add(g.topic()));
            topics.add(Topics.RESULTS.name());
            topics.add(Topics.PASSES_SIGNED.name());
            topics.add(Topics.PASSES_ISSUED.name());
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()),
                            OffsetSpec.latest())));
            Map<String, Long> written = new LinkedHashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((partition, info) ->
                    written.merge(partition.topic(), info.offset(), Long::sum));
            Map<String, Long> committed = new LinkedHashMap<>();
            for (Group group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                long sum = 0;
                for (OffsetAndMetadata at : offsets.values()) {
                    sum += at == null ? 0 : at.offset();
                }
                committed.put(group.groupId(), sum);
            }
            return new Offsets(written, committed);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the consumer groups' offsets: " + e.getMessage(), e);
        }
    }

    /** Total lag over the groups. */
    public static long total(Map<String, Long> lags) {
        return lags.values().stream().mapToLong(Long::longValue).sum();
    }
}

package io.tampon.system.monitor;

import io.tampon.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
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

    private final Admin admin;

    public ConsumerLag(Admin admin) {
        this.admin = admin;
    }

    /** Lag per group id, in {@link #PIPELINE} order. */
    public Map<String, Long> read(List<Group> groups) throws InterruptedException {
        try {
            Map<String, Long> lags = new LinkedHashMap<>();
            for (Group group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                int partitions = admin.describeTopics(List.of(group.topic())).allTopicNames()
                        .get(10, TimeUnit.SECONDS).get(group.topic()).partitions().size();
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                for (int p = 0; p < partitions; p++) {
                    latest.put(new TopicPartition(group.topic(), p), OffsetSpec.latest());
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(10, TimeUnit.SECONDS);
                long lag = 0;
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
                }
                lags.put(group.groupId(), lag);
            }
            return lags;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the consumer groups' lag: " + e.getMessage(), e);
        }
    }

    /** Total lag over the groups. */
    public static long total(Map<String, Long> lags) {
        return lags.values().stream().collect(Collectors.summingLong(Long::longValue));
    }
}

package io.tampon.deploy;

import io.tampon.contracts.TopicDeclaration;
import io.tampon.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Strimzi {@code KafkaTopic} resources, written from the same declaration the services and the local broker
 * use, so a topic cannot differ between the code and the cluster. {@code KafkaTopicsManifest <file>} rewrites the
 * committed file; a test fails when it is stale.
 */
public final class KafkaTopicsManifest {

    /** Replicas of every topic; with min.insync.replicas 2 and acks=all, one broker can be lost. */
    static final int REPLICAS = 3;

    private KafkaTopicsManifest() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "deploy/k8s/base/kafka/topics.yaml");
        Files.writeString(file, render());
        System.out.println("wrote " + file);
    }

    public static String render() {
        List<TopicDeclaration> topics = new ArrayList<>();
        for (TopicDeclaration topic : Topics.all()) {
            topics.add(topic);
        }
        StringBuilder yaml = new StringBuilder("# Generated from io.tampon.contracts.Topics by KafkaTopicsManifest "
                + "(mvn -pl deploy exec:java); do not edit.\n");
        for (TopicDeclaration topic : topics) {
            yaml.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1beta2\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(resourceName(topic.name())).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: tampon-kafka\n")
                    .append("spec:\n")
                    .append("  topicName: ").append(topic.name()).append('\n')
                    .append("  partitions: ").append(topic.partitions()).append('\n')
                    .append("  replicas: ").append(REPLICAS).append('\n')
                    .append("  config:\n")
                    .append("    retention.ms: ").append(topic.retentionMillis()).append('\n')
                    .append("    min.insync.replicas: 2\n")
                    .append("    cleanup.policy: delete\n");
        }
        return yaml.toString();
    }

    /** Kubernetes names allow no dots in some tools' eyes and no upper case: tampon.results.v1 → tampon-results-v1. */
    static String resourceName(String topic) {
        return topic.toLowerCase().replace('.', '-').replace('_', '-');
    }
}

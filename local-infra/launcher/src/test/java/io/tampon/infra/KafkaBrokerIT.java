package io.tampon.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.contracts.TopicDeclaration;
import io.tampon.contracts.Topics;
import io.tampon.infra.junit.LocalInfraTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@LocalInfraTest
class KafkaBrokerIT {

    @Test
    void declaredTopicsExistWithTheirPartitionsAndRetention(LocalInfrastructure infra) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers()))) {
            List<String> names = Topics.all().stream().map(TopicDeclaration::name).toList();
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            for (TopicDeclaration topic : Topics.all()) {
                assertEquals(topic.partitions(), described.get(topic.name()).partitions().size(), topic.name());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                String retention = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get(TopicConfig.RETENTION_MS_CONFIG).value();
                assertEquals(Long.toString(topic.retentionMillis()), retention, topic.name());
            }
        }
    }

    @Test
    void aRecordAcknowledgedByAllReplicasIsConsumedBack(LocalInfrastructure infra) throws Exception {
        String key = UUID.randomUUID().toString();
        String topic = Topics.RESULTS.name();
        RecordMetadata written;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(infra))) {
            written = producer.send(new ProducerRecord<>(topic, key, "{\"probe\":\"" + key + "\"}")).get();
        }
        assertTrue(written.hasOffset());

        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-it-" + key);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            List<ConsumerRecord<String, String>> mine = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (mine.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        mine.add(record);
                    }
                }
            }
            assertEquals(1, mine.size(), "the produced record is consumed exactly once");
            assertEquals(written.partition(), mine.get(0).partition());
            assertEquals(written.offset(), mine.get(0).offset());
            assertEquals("{\"probe\":\"" + key + "\"}", mine.get(0).value());
        }
    }

    private static Properties producerConfig(LocalInfrastructure infra) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }
}

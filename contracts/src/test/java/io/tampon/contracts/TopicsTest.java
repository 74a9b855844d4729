package io.tampon.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyPipelineTopicHasANamedDeadLetterTopic() {
        for (TopicDeclaration topic : Topics.pipeline()) {
            TopicDeclaration dlt = topic.deadLetter().orElseThrow();
            assertEquals(topic.name() + ".dlt", dlt.name());
            assertTrue(dlt.deadLetter().isEmpty(), "a dead-letter topic has no dead-letter topic of its own");
        }
    }

    @Test
    void allListsPipelineAndDeadLetterTopicsOnceEach() {
        List<TopicDeclaration> all = Topics.all();
        assertEquals(Topics.pipeline().size() * 2, all.size());
        assertEquals(all.size(), new HashSet<>(all.stream().map(TopicDeclaration::name).toList()).size());
    }

    @Test
    void rejectsInvalidDeclarations() {
        assertThrows(IllegalArgumentException.class,
                () -> new TopicDeclaration("Bad Name", 1, Duration.ofDays(1), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new TopicDeclaration("ok", 0, Duration.ofDays(1), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new TopicDeclaration("ok", 1, Duration.ZERO, Optional.empty()));
    }
}

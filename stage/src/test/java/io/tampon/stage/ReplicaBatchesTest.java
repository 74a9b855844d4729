package io.tampon.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReplicaBatchesTest {

    /** Items "a1", "b2"...: the letter stands for the replica set. */
    private static final Function<String, String> REPLICAS = item -> item.startsWith("?") ? null : item.substring(0, 1);

    @Test
    void itemsSharingReplicasGoTogetherInFirstSeenOrder() {
        assertEquals(List.of(List.of("a1", "a3"), List.of("b2", "b4")),
                ReplicaBatches.group(List.of("a1", "b2", "a3", "b4"), REPLICAS, 10));
    }

    @Test
    void aGroupNeverExceedsItsMaximum() {
        List<List<String>> groups = ReplicaBatches.group(
                List.of("a1", "a2", "a3", "b1", "a4", "a5", "a6", "a7"), REPLICAS, 3);
        assertEquals(List.of(List.of("a1", "a2", "a3"), List.of("a4", "a5", "a6"), List.of("b1"), List.of("a7")),
                groups);
    }

    @Test
    void anItemWithUnknownReplicasGoesAlone() {
        assertEquals(List.of(List.of("?1"), List.of("?2"), List.of("a1", "a2")),
                ReplicaBatches.group(List.of("a1", "?1", "?2", "a2"), REPLICAS, 10));
    }

    @Test
    void everyItemIsKeptExactlyOnce() {
        List<String> items = java.util.stream.IntStream.range(0, 257)
                .mapToObj(i -> "abcde".charAt(i % 5) + String.valueOf(i)).toList();
        List<List<String>> groups = ReplicaBatches.group(items, REPLICAS, ReplicaBatches.MAX_PARTITIONS);
        assertEquals(items.stream().sorted().toList(), groups.stream().flatMap(List::stream).sorted().toList());
        groups.forEach(group -> assertEquals(1, group.stream().map(REPLICAS).distinct().count()));
        assertEquals(0, groups.stream().filter(group -> group.size() > ReplicaBatches.MAX_PARTITIONS).count());
    }

    @Test
    void aMaximumBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReplicaBatches.group(List.of("a1"), REPLICAS, 0));
    }
}

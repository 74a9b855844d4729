package io.tampon.stage;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Sends many single-row upserts as few requests. Statements whose partitions have exactly the same replicas travel
 * together in an unlogged batch, routed to one of those replicas: the coordinator applies every row locally and
 * forwards to the same peers a single write would, so the cluster does the work it would do anyway while the client
 * and the coordinator handle one request instead of ten (the grouping the Spark Cassandra connector uses by
 * default). Statements whose replicas are unknown go alone.
 */
final class ReplicaBatches {

    /**
     * Partitions per batch: Cassandra warns above 10 ({@code unlogged_batch_across_partitions_warn_threshold}), since
     * a coordinator holds a batch whole; ten keeps every batch silent and small.
     */
    static final int MAX_PARTITIONS = 10;

    private final CqlSession session;
    private final ConsistencyLevel consistency;

    ReplicaBatches(CqlSession session, ConsistencyLevel consistency) {
        this.session = session;
        this.consistency = consistency;
    }

    /** Executes every statement (each an idempotent single-partition upsert); completes when all are applied. */
    CompletionStage<Void> executeAll(List<BoundStatement> statements) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (Statement<?> request : requests(statements)) {
            writes.add(session.executeAsync(request).toCompletableFuture());
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** The requests {@link #executeAll} sends: a statement alone, or a batch of statements sharing their replicas. */
    List<Statement<?>> requests(List<BoundStatement> statements) {
        Optional<TokenMap> tokens = session.getMetadata().getTokenMap();
        Function<BoundStatement, Set<Node>> replicas = tokens.isPresent()
                ? statement -> replicasOf(tokens.get(), statement)
                : statement -> null;
        List<Statement<?>> requests = new ArrayList<>();
        for (List<BoundStatement> group : group(statements, replicas, MAX_PARTITIONS)) {
            Statement<?> request = group.size() == 1
                    ? group.get(0)
                    : BatchStatement.newInstance(DefaultBatchType.UNLOGGED, group.toArray(BoundStatement[]::new));
            requests.add(request.setConsistencyLevel(consistency).setIdempotent(true));
        }
        return requests;
    }

    private Set<Node> replicasOf(TokenMap tokens, BoundStatement statement) {
        ByteBuffer key = statement.getRoutingKey();
        CqlIdentifier keyspace = statement.getRoutingKeyspace() != null
                ? statement.getRoutingKeyspace()
                : session.getKeyspace().orElse(null);
        if (key == null || keyspace == null) {
            return null;
        }
        Set<Node> replicas = tokens.getReplicas(keyspace, key);
        return replicas.isEmpty() ? null : replicas;
    }

    /**
     * Groups items by key, in first-seen order, into groups of at most {@code max}; an item whose key is
     * {@code null} (unknown) is a group of its own.
     */
    static <T, K> List<List<T>> group(List<T> items, Function<T, K> keyOf, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        List<List<T>> groups = new ArrayList<>();
        Map<K, List<T>> open = new LinkedHashMap<>();
        for (T item : items) {
            K key = keyOf.apply(item);
            if (key == null) {
                groups.add(List.of(item));
                continue;
            }
            List<T> group = open.computeIfAbsent(key, k -> new ArrayList<>(max));
            group.add(item);
            if (group.size() == max) {
                groups.add(group);
                open.remove(key);
            }
        }
        groups.addAll(open.values());
        return groups;
    }
}

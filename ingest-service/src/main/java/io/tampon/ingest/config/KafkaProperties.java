package io.tampon.ingest.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The broker ({@code tampon.kafka.*}).
 *
 * @param bootstrapServers host:port list
 * @param maxBlock         longest {@code send} may block when the buffer is full or metadata is missing: the
 *                         overload signal that becomes a 503, kept well under the accept deadline
 * @param bufferMemory     bytes of records awaiting acknowledgement; when full, new results are refused (503)
 * @param compression      the producer's {@code compression.type}: lz4 (default) shrinks what the broker stores and
 *                         sends for ~4 % of the edge's CPU (JFR). It allocates two 64 KB buffers a producer batch:
 *                         16.6 KB a result when a request's results were spread over twelve partitions, 7–8 KB since
 *                         they travel as one batch (docs/benchmarks.md). {@code none} spares the edge that CPU and
 *                         allocation, but in both benchmark runs with it (results spread, as then) Kafka's
 *                         acknowledgements stalled more often and the in-flight bound answered 503s in four of six
 *                         steps, where five lz4 runs had them in one step (cause not found)
 */
@ConfigurationProperties("tampon.kafka")
public record KafkaProperties(@Bindable(defaultValue = "127.0.0.1:9092") String bootstrapServers,
                              @Bindable(defaultValue = "250ms") java.time.Duration maxBlock,
                              @Bindable(defaultValue = "33554432") long bufferMemory,
                              @Bindable(defaultValue = "lz4") String compression) {
}

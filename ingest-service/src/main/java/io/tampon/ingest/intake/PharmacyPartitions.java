package io.tampon.ingest.intake;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of the results topic a pharmacy's results go to: Kafka's own key hash (murmur2) of the pharmacy id,
 * so a tool that knows the pharmacy finds its results where Kafka would have put a record keyed by it.
 *
 * <p>Why by pharmacy and not by the record's key (the resultId): a request's results then travel in the batches of
 * one partition instead of a few results to each of twelve. Hashed by resultId, a batch request of 100 made
 * twelve batches of ~8 results, each compressed on its own with two 64 KB lz4 buffers, each appended, indexed and
 * acknowledged by the broker on its own (docs/benchmarks.md). Nothing downstream relies on the key's hash: the
 * resultId is a name-based id of (pharmacy, externalRef), so every copy of one result — a retry, a duplicate post —
 * still lands in one partition, in order; and twelve thousand pharmacies, each under its own rate limit, spread
 * evenly over twelve partitions.
 */
final class PharmacyPartitions {

    private PharmacyPartitions() {
    }

    /** The partition, in {@code [0, partitions)}, of every result {@code pharmacyId} posts. */
    static int of(String pharmacyId, int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("a topic has at least one partition: " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(pharmacyId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}

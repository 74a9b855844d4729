package io.tampon.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class PharmacyPartitionsTest {

    @Test
    void isWhereKafkaPutsARecordKeyedByThePharmacy() {
        for (int i = 0; i < 1_000; i++) {
            String pharmacy = "pharmacy-" + i;
            for (int partitions : new int[] {1, 3, 12, 50}) {
                assertEquals(BuiltInPartitioner.partitionForKey(pharmacy.getBytes(StandardCharsets.UTF_8), partitions),
                        PharmacyPartitions.of(pharmacy, partitions), pharmacy + " over " + partitions);
            }
        }
    }

    @Test
    void twelveThousandPharmaciesSpreadEvenlyOverTwelvePartitions() {
        int[] counts = new int[12];
        for (int i = 1; i <= 12_000; i++) {
            counts[PharmacyPartitions.of("ph-" + i, 12)]++;
        }
        for (int partition = 0; partition < counts.length; partition++) {
            // 1,000 each on average; a binomial's standard deviation here is ~29, so ±15 % is over five of them.
            assertTrue(counts[partition] > 850 && counts[partition] < 1_150,
                    "partition " + partition + " got " + counts[partition] + " pharmacies");
        }
    }

    @Test
    void refusesATopicWithoutPartitions() {
        assertThrows(IllegalArgumentException.class, () -> PharmacyPartitions.of("ph-1", 0));
    }
}

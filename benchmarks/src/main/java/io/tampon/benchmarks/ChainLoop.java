package io.tampon.benchmarks;

import io.tampon.dcc.HcertEncoder;
import io.tampon.dcc.payload.TestCertificate;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The codec's chain over distinct certificates ({@link SigningChainBenchmark#chainDistinctPayloadsToHc1}'s loop),
 * run until killed, counting its operations in a memory-mapped file that another process reads: its pid at byte 0,
 * the operations done so far at byte 8.
 *
 * <p>For a baseline that shares the service's moments: {@code benchmarks/signing-service.sh} runs it beside the
 * signing-service and the harness lets the two run in turn (SIGSTOP/SIGCONT, every half second), so the host's
 * drift — tens of percent within minutes here, more than the difference measured — falls on both alike. Divided by
 * this process's CPU time (its JIT and collector included, as the service's are), it is the chain's rate per core.
 *
 * <p>Arguments: the counter file.
 */
public final class ChainLoop {

    private static volatile Object sink;

    private ChainLoop() {
    }

    public static void main(String[] args) throws IOException {
        HcertEncoder encoder = Fixtures.encoder();
        TestCertificate[] distinct = Fixtures.distinctCertificates();
        MappedByteBuffer counter;
        try (FileChannel file = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            counter = file.map(FileChannel.MapMode.READ_WRITE, 0, 16);
        }
        counter.putLong(0, ProcessHandle.current().pid());
        long ops = 0;
        int next = 0;
        while (true) {
            sink = encoder.encode(distinct[next]).hc1();
            next = (next + 1) & (Fixtures.DISTINCT - 1);
            // A plain store to shared memory: the reader sees it within moments, and it costs the loop nothing.
            counter.putLong(8, ++ops);
        }
    }
}

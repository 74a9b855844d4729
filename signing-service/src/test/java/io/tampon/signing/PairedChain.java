package io.tampon.signing;

import io.tampon.infra.process.ThreadCpu;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The codec's chain running in a process of its own ({@code io.tampon.benchmarks.ChainLoop}), read through the counter
 * file it keeps: its pid, its operations so far, and its CPU time, for a baseline taken in turns with the service.
 */
final class PairedChain {

    private final MappedByteBuffer counter;
    private final long pid;
    private final ThreadCpu cpu;

    private PairedChain(MappedByteBuffer counter, long pid) {
        this.counter = counter;
        this.pid = pid;
        this.cpu = new ThreadCpu(pid, name -> "chain");
    }

    /** Waits until the loop has written its pid and done its first operation. */
    static PairedChain attach(Path counterFile, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (counterFile.toFile().length() >= 16) {
                MappedByteBuffer counter;
                try (FileChannel file = FileChannel.open(counterFile, StandardOpenOption.READ)) {
                    counter = file.map(FileChannel.MapMode.READ_ONLY, 0, 16);
                }
                if (counter.getLong(0) != 0 && counter.getLong(8) > 0) {
                    return new PairedChain(counter, counter.getLong(0));
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the chain loop did not start counting in " + counterFile + " within "
                + timeout);
    }

    long pid() {
        return pid;
    }

    /** Operations done and CPU used so far: {@code [ops, cpuNanos]}. */
    long[] read() {
        return new long[] {counter.getLong(8), cpu.read().totalNanos()};
    }
}

package io.tampon.benchmarks;

import io.tampon.dcc.HcertEncoder;
import io.tampon.dcc.payload.TestCertificate;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * What signing distinct certificates costs over signing one certificate again and again, measured in alternating
 * short phases on one thread so that both see the same moment of the host.
 *
 * <p>JMH runs its benchmarks one after the other; on this shared host the same code's cost drifts by tens of percent
 * between two of them, more than the difference looked for. Phases of a few hundred milliseconds, alternated, and the
 * median of the per-round differences cancel that drift. CPU time of the thread, not wall time, per operation.
 *
 * <p>{@code mvn -q -pl benchmarks exec:exec -Dbench.main=io.tampon.benchmarks.ChainInputVariety
 * [-Dbench.args="phaseMillis rounds"]} (default 400 ms, 60 rounds)
 */
public final class ChainInputVariety {

    private static volatile Object sink;

    private ChainInputVariety() {
    }

    public static void main(String[] args) {
        long phaseNanos = (args.length > 0 ? Long.parseLong(args[0]) : 400) * 1_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        HcertEncoder encoder = Fixtures.encoder();
        TestCertificate one = Fixtures.certificate();
        TestCertificate[] distinct = Fixtures.distinctCertificates();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        double[] oneMicros = new double[rounds];
        double[] distinctMicros = new double[rounds];
        int next = 0;
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long ops = 0;
            for (long start = System.nanoTime(); System.nanoTime() - start < phaseNanos; ops++) {
                sink = encoder.encode(one).hc1();
            }
            oneMicros[round] = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / ops;

            cpu = threads.getCurrentThreadCpuTime();
            ops = 0;
            for (long start = System.nanoTime(); System.nanoTime() - start < phaseNanos; ops++) {
                sink = encoder.encode(distinct[next]).hc1();
                next = (next + 1) & (Fixtures.DISTINCT - 1);
            }
            distinctMicros[round] = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / ops;
        }

        // The first fifth warms the JIT up.
        int from = rounds / 5;
        double[] differences = new double[rounds - from];
        int distinctSlower = 0;
        for (int round = from; round < rounds; round++) {
            differences[round - from] = distinctMicros[round] - oneMicros[round];
            distinctSlower += differences[round - from] > 0 ? 1 : 0;
        }
        System.out.printf("one certificate        %s%n", quartiles(Arrays.copyOfRange(oneMicros, from, rounds)));
        System.out.printf("distinct certificates  %s%n", quartiles(Arrays.copyOfRange(distinctMicros, from, rounds)));
        System.out.printf("distinct - one, paired %s; distinct slower in %d of %d rounds%n", quartiles(differences),
                distinctSlower, differences.length);
    }

    private static String quartiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format("median %.1f µs/op of CPU (quartiles %.1f, %.1f)", sorted[n / 2], sorted[n / 4],
                sorted[3 * n / 4]);
    }
}

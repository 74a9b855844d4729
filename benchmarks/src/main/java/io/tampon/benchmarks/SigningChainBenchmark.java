package io.tampon.benchmarks;

import io.tampon.dcc.HcertEncoder;
import io.tampon.dcc.cose.Es256Signer;
import io.tampon.dcc.payload.TestCertificate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole chain (payload → CWT → COSE_Sign1 → zlib → Base45 → HC1) against its raw baseline: one deterministic
 * ES256 signature of a 32-byte input with the same signer. Their ratio is what everything but the signature costs.
 *
 * <p>The chain runs twice: over one certificate, signed again and again, and over distinct certificates, as a service
 * signs them. Deterministic ECDSA derives the nonce from the message, so one certificate replays the same scalar
 * multiplication and modular inversion every time, and the CPU learns their branches (JMH's sample 36 on branch
 * prediction); distinct certificates cost ~12 µs more each on this host (docs/benchmarks.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SigningChainBenchmark {

    private Es256Signer signer;
    private HcertEncoder encoder;
    private TestCertificate certificate;
    private TestCertificate[] distinct;
    private int next;
    private final byte[] digest = new byte[32];

    @Setup
    public void setUp() {
        signer = Fixtures.signer();
        encoder = Fixtures.encoder();
        certificate = Fixtures.certificate();
        distinct = Fixtures.distinctCertificates();
    }

    /** Baseline: the signature alone (it hashes its 32-byte input, as COSE signing hashes the Sig_structure). */
    @Benchmark
    public byte[] rawEs256Sign() {
        return signer.sign(digest);
    }

    /** The same certificate every time: the best case the branch predictor and caches can give. */
    @Benchmark
    public String chainPayloadToHc1() {
        return encoder.encode(certificate).hc1();
    }

    /** A different certificate every time (patients, dates, UVCIs), as in a service: the chain's rate in use. */
    @Benchmark
    public String chainDistinctPayloadsToHc1() {
        TestCertificate each = distinct[next];
        next = (next + 1) & (Fixtures.DISTINCT - 1);
        return encoder.encode(each).hc1();
    }
}

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
    private final byte[] digest = new byte[32];

    @Setup
    public void setUp() {
        signer = Fixtures.signer();
        encoder = Fixtures.encoder();
        certificate = Fixtures.certificate();
    }

    /** Baseline: the signature alone (it hashes its 32-byte input, as COSE signing hashes the Sig_structure). */
    @Benchmark
    public byte[] rawEs256Sign() {
        return signer.sign(digest);
    }

    @Benchmark
    public String chainPayloadToHc1() {
        return encoder.encode(certificate).hc1();
    }
}

package io.tampon.benchmarks;

import io.tampon.dcc.EncodedPass;
import io.tampon.dcc.cwt.CwtClaims;
import io.tampon.dcc.encoding.Base45;
import io.tampon.dcc.encoding.Zlib;
import io.tampon.dcc.payload.TestCertificate;
import java.time.Instant;
import java.util.Map;
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

/** Each non-signature step of the chain alone, to see where the chain's time goes besides the signature. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ChainStepsBenchmark {

    private TestCertificate certificate;
    private Map<Object, Object> payload;
    private EncodedPass pass;

    @Setup
    public void setUp() {
        certificate = Fixtures.certificate();
        payload = certificate.toPayload();
        pass = Fixtures.encoder().encode(certificate);
    }

    @Benchmark
    public Map<Object, Object> payloadFromCertificate() {
        return certificate.toPayload();
    }

    @Benchmark
    public byte[] cwtCbor() {
        return new CwtClaims("FR", Fixtures.NOW, Fixtures.NOW, payload).encode();
    }

    @Benchmark
    public byte[] zlibDeflate() {
        return Zlib.deflate(pass.cose());
    }

    @Benchmark
    public String base45() {
        return Base45.encode(pass.compressed());
    }

    @Benchmark
    public Instant baselineNothing() {
        return Fixtures.NOW;
    }
}

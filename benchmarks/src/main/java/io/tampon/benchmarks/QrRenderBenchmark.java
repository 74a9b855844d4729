package io.tampon.benchmarks;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.tampon.dcc.qr.QrMatrix;
import io.tampon.dcc.qr.QrRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
 * QR rendering of a real HC1 string: the naive path (ZXing's QRCodeWriter with default hints, then
 * MatrixToImageWriter through ImageIO, 400 px) against Tampon's (fixed mask, 1-bit PNG), plus ZXing's raw encode.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class QrRenderBenchmark {

    private String hc1;
    private final QRCodeWriter writer = new QRCodeWriter();
    private final Map<EncodeHintType, Object> defaultHints = Map.of(EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.Q);
    private final QrRenderer renderer = new QrRenderer();
    private final QrRenderer rendererAutomaticMask = new QrRenderer(-1);

    @Setup
    public void setUp() {
        ImageIO.setUseCache(false);
        hc1 = Fixtures.encoder().encode(Fixtures.certificate()).hc1();
    }

    /** Baseline: what a first implementation would do. */
    @Benchmark
    public byte[] naiveZxingPlusImageIoPng() throws WriterException, IOException {
        BitMatrix matrix = writer.encode(hc1, BarcodeFormat.QR_CODE, 400, 400, defaultHints);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(matrix, "PNG", png);
        return png.toByteArray();
    }

    /** ZXing's raw encode (all 8 masks scored), no image: the encoder's own ceiling. */
    @Benchmark
    public QrMatrix zxingRawEncode() {
        return rendererAutomaticMask.encode(hc1);
    }

    /** Tampon: fixed mask, 1-bit PNG at 4 px per module (~390 px for a version-18 code). */
    @Benchmark
    public byte[] tamponPng() {
        return renderer.png(hc1, 4);
    }

    @Benchmark
    public String tamponSvg() {
        return renderer.svg(hc1);
    }
}

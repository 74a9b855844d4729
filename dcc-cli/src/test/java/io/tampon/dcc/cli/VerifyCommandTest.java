package io.tampon.dcc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tampon.dcc.EncodedPass;
import io.tampon.dcc.HcertEncoder;
import io.tampon.dcc.cose.Es256Signer;
import io.tampon.dcc.payload.TestCertificate;
import io.tampon.dcc.payload.TestResult;
import io.tampon.dcc.payload.TestType;
import io.tampon.dcc.qr.QrRenderer;
import io.tampon.dcc.trust.DevPki;
import io.tampon.dcc.trust.Kid;
import io.tampon.dcc.trust.TrustListDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    /** The flags that, together, decide whether a real verifier accepts the pass. */
    private static final Set<String> VERDICT_FLAGS = Set.of("EXPECTEDUNPREFIX", "EXPECTEDB45DECODE",
            "EXPECTEDCOMPRESSION", "EXPECTEDVERIFY", "EXPECTEDDECODE", "EXPECTEDSCHEMAVALIDATION",
            "EXPECTEDEXPIRATIONCHECK", "EXPECTEDKEYUSAGE", "EXPECTEDVALIDJSON");

    @TestFactory
    Stream<DynamicTest> givesTheRightVerdictOnEveryOfficialVector() throws IOException {
        Path root = Path.of(System.getProperty("tampon.dcc.testdata", "../../shared/dcc-testdata"));
        assertTrue(Files.isDirectory(root), "the official test vectors are missing: " + root.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            JsonNode expected = new ObjectMapper().readTree(file.toFile()).path("EXPECTEDRESULTS");
            boolean anyFalse = VERDICT_FLAGS.stream().anyMatch(f -> expected.has(f) && !expected.get(f).asBoolean());
            boolean complete = expected.path("EXPECTEDVERIFY").asBoolean(false)
                    && expected.path("EXPECTEDEXPIRATIONCHECK").asBoolean(false);
            Assumptions.assumeTrue(anyFalse || complete,
                    "the flags neither reject this pass nor cover both signature and expiry: no verdict to check");
            Result result = run("--testdata", file.toString());
            assertEquals(anyFalse ? VerifyCommand.INVALID : VerifyCommand.VALID, result.exitCode, result.out);
            assertTrue(result.out.contains(anyFalse ? "INVALID " : "VALID "), result.out);
        }));
    }

    @Test
    void verifiesOurOwnPassFromItsQrImageAgainstOurTrustList(@TempDir Path dir) throws IOException {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        DevPki.SigningIdentity identity = DevPki.generate("FR", now.minus(Duration.ofDays(1)), Duration.ofDays(365),
                new SecureRandom());
        EncodedPass pass = new HcertEncoder(new Es256Signer(identity.keyPair().getPrivate(), Kid.of(identity.dsc())),
                "FR", Duration.ofHours(72), Clock.fixed(now, ZoneOffset.UTC))
                .encode(new TestCertificate("Lefèvre", "Amélie", "1984-03-07", TestType.NAAT, null, "RT-PCR",
                        now.minusSeconds(3600), TestResult.NOT_DETECTED, "Pharmacie", "FR", "Ministère",
                        "URN:UVCI:01:FR:TPNX#A"));
        Path png = Files.write(dir.resolve("qr.png"), new QrRenderer().png(pass.hc1(), 4));
        Path trustList = Files.writeString(dir.resolve("trust-list.json"),
                TrustListDocument.toJson("FR", identity.csca(), List.of(identity.dsc())));

        Result valid = run("--png", png.toString(), "--trust-list", trustList.toString(), "--at",
                "2026-11-27T12:00:00Z");
        assertEquals(VerifyCommand.VALID, valid.exitCode, valid.out);
        assertTrue(valid.out.contains("\"fnt\" : \"LEFEVRE\""), valid.out);

        Result expired = run("--hc1", pass.hc1(), "--trust-list", trustList.toString(), "--at",
                "2026-12-27T12:00:00Z");
        assertEquals(VerifyCommand.INVALID, expired.exitCode);
        assertTrue(expired.out.contains("INVALID EXPIRED"), expired.out);
    }

    @Test
    void explainsItsUsage() {
        Result result = run("--hc1");
        assertEquals(VerifyCommand.USAGE, result.exitCode);
        assertTrue(result.err.contains("usage"), result.err);
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }
}

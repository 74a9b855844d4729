package io.tampon.dcc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tampon.dcc.cbor.CborReader;
import io.tampon.dcc.cbor.CborWriter;
import io.tampon.dcc.cose.CoseSign1;
import io.tampon.dcc.cose.CoseVerifier;
import io.tampon.dcc.cwt.CwtClaims;
import io.tampon.dcc.encoding.Base45;
import io.tampon.dcc.encoding.ContextIdentifier;
import io.tampon.dcc.encoding.Zlib;
import io.tampon.dcc.payload.CertificateType;
import io.tampon.dcc.payload.DccSchema;
import io.tampon.dcc.payload.PayloadNormalizer;
import io.tampon.dcc.qr.QrReader;
import io.tampon.dcc.trust.KeyUsagePolicy;
import io.tampon.dcc.trust.TrustList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every official EU test vector in {@code shared/dcc-testdata}, discovered at run time: for each file, each
 * {@code EXPECTED*} flag present is one test, checked at the file's validation clock. A step whose input is missing
 * from the file, or a flag not implemented yet, is reported as skipped (aborted) with its name: never counted as passed.
 */
class OfficialTestVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A step expected to fail must fail for its own reason, not because of some unrelated breakage. */
    private static final Map<String, Set<DccError>> EXPECTED_FAILURES = Map.of(
            "EXPECTEDUNPREFIX", Set.of(DccError.UNSUPPORTED_PREFIX),
            "EXPECTEDB45DECODE", Set.of(DccError.BASE45_INVALID),
            "EXPECTEDCOMPRESSION", Set.of(DccError.COMPRESSION_INVALID, DccError.COMPRESSION_LIMIT_EXCEEDED),
            "EXPECTEDVERIFY", Set.of(DccError.SIGNATURE_INVALID, DccError.KID_UNKNOWN),
            "EXPECTEDDECODE", Set.of(DccError.CBOR_INVALID, DccError.CWT_INVALID, DccError.COSE_INVALID),
            "EXPECTEDSCHEMAVALIDATION", Set.of(DccError.SCHEMA_INVALID),
            "EXPECTEDEXPIRATIONCHECK", Set.of(DccError.NOT_YET_VALID, DccError.EXPIRED, DccError.DSC_NOT_VALID),
            "EXPECTEDKEYUSAGE", Set.of(DccError.KEY_USAGE_MISMATCH));

    @TestFactory
    Stream<DynamicNode> officialVectors() throws IOException {
        Path root = Path.of(System.getProperty("tampon.dcc.testdata", "../../shared/dcc-testdata"));
        assertTrue(Files.isDirectory(root), "the official test vectors are missing: " + root.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no test vector found under " + root);
        return files.stream().map(file -> DynamicContainer.dynamicContainer(root.relativize(file).toString(),
                tests(file)));
    }

    private Stream<DynamicNode> tests(Path file) {
        Vector vector;
        try {
            vector = new Vector(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            return Stream.of(DynamicTest.dynamicTest("readable", () -> fail(e)));
        }
        List<DynamicNode> tests = new ArrayList<>();
        vector.expected.fields().forEachRemaining(flag -> tests.add(DynamicTest.dynamicTest(
                flag.getKey() + "=" + flag.getValue().asBoolean(),
                () -> vector.check(flag.getKey(), flag.getValue().asBoolean()))));
        return tests.stream();
    }

    /** One test file and the checks its flags ask for. */
    private static final class Vector {
        private final JsonNode node;
        private final JsonNode expected;
        private final JsonNode context;

        Vector(JsonNode node) {
            this.node = node;
            this.expected = node.path("EXPECTEDRESULTS");
            this.context = node.path("TESTCTX");
        }

        void check(String flag, boolean expectedOutcome) throws Exception {
            Runnable step = switch (flag) {
                case "EXPECTEDPICTUREDECODE" -> () -> assertEquals(text("PREFIX"),
                        QrReader.read(Base64.getMimeDecoder().decode(text("2DCODE"))));
                case "EXPECTEDUNPREFIX" -> () -> {
                    String base45 = ContextIdentifier.strip(text("PREFIX"));
                    optional("BASE45").ifPresent(expectedBase45 -> assertEquals(expectedBase45, base45));
                };
                case "EXPECTEDB45DECODE" -> () -> {
                    byte[] decoded = Base45.decode(optional("BASE45").orElseGet(() -> prefixBody()));
                    optional("COMPRESSED").ifPresent(hex -> assertArrayEquals(hex(hex), decoded));
                };
                case "EXPECTEDCOMPRESSION" -> () -> {
                    byte[] compressed = optional("COMPRESSED").map(Vector::hex)
                            .orElseGet(() -> Base45.decode(prefixBody()));
                    byte[] inflated = Zlib.inflate(compressed);
                    optional("COSE").ifPresent(hex -> assertArrayEquals(hex(hex), inflated));
                };
                case "EXPECTEDVERIFY" -> () -> CoseVerifier.verify(CoseSign1.parse(cose()), trustList());
                case "EXPECTEDDECODE" -> () -> {
                    Map<Object, Object> payload = PayloadNormalizer.normalize(
                            CwtClaims.decode(CoseSign1.parse(cose()).payload()).dcc());
                    optional("JSON").ifPresent(j -> assertEquals(json(), payload));
                };
                case "EXPECTEDVALIDJSON" -> () -> assertEquals(json(), PayloadNormalizer.normalize(
                        HcertVerifier.decodeUnverified(text("PREFIX")).dcc()));
                case "EXPECTEDSCHEMAVALIDATION" -> () -> {
                    List<String> violations = DccSchema.violations(decodedPayload());
                    if (!violations.isEmpty()) {
                        throw new DccException(DccError.SCHEMA_INVALID, String.join("; ", violations));
                    }
                };
                case "EXPECTEDEXPIRATIONCHECK" -> () -> {
                    Instant clock = validationClock();
                    CwtClaims.decode(CoseSign1.parse(cose()).payload()).checkValidAt(clock);
                    HcertVerifier.checkDscValidAt(certificate(), clock);
                };
                case "EXPECTEDKEYUSAGE" -> () -> KeyUsagePolicy.check(certificate(),
                        CertificateType.of(decodedPayload()));
                case "EXPECTEDVALIDOBJECT" -> () -> assertEquals(List.of(), DccSchema.violations(json()));
                case "EXPECTEDENCODE" -> () -> assertEquals(json(), PayloadNormalizer.normalize(
                        (Map<?, ?>) CborReader.decode(CborWriter.encode(json()))), "JSON → CBOR → JSON");
                default -> () -> Assumptions.abort("flag " + flag + " is not implemented yet: skipped, not passed");
            };
            if (expectedOutcome) {
                step.run();
            } else {
                try {
                    step.run(); // a skipped step (missing input, unknown flag) aborts here and stays skipped
                } catch (DccException thrown) {
                    assertTrue(EXPECTED_FAILURES.getOrDefault(flag, Set.of()).contains(thrown.error()),
                            () -> flag + " failed, but for an unexpected reason: " + thrown.getMessage());
                    return;
                }
                fail(flag + " must fail, but the step succeeded");
            }
        }

        private String text(String field) {
            return optional(field).orElseGet(() -> {
                Assumptions.abort("input " + field + " is absent from this file");
                return null;
            });
        }

        private Optional<String> optional(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty()
                    : Optional.of(value.asText());
        }

        private String prefixBody() {
            return ContextIdentifier.strip(text("PREFIX"));
        }

        private byte[] cose() {
            return optional("COSE").map(Vector::hex).orElseGet(() -> HcertVerifier.unwrap(text("PREFIX")));
        }

        private Map<Object, Object> decodedPayload() {
            return PayloadNormalizer.normalize(CwtClaims.decode(CoseSign1.parse(cose()).payload()).dcc());
        }

        @SuppressWarnings("unchecked")
        private Map<Object, Object> json() {
            if (!node.has("JSON")) {
                Assumptions.abort("input JSON is absent from this file");
            }
            return (Map<Object, Object>) normalizeJson(JSON.convertValue(node.get("JSON"), Object.class));
        }

        private X509Certificate certificate() {
            byte[] der = Base64.getMimeDecoder().decode(Optional.ofNullable(context.get("CERTIFICATE"))
                    .map(JsonNode::asText).orElseGet(() -> {
                        Assumptions.abort("input TESTCTX.CERTIFICATE is absent from this file");
                        return null;
                    }));
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (Exception e) {
                throw new AssertionError("unreadable TESTCTX.CERTIFICATE", e);
            }
        }

        private TrustList trustList() {
            return TrustList.of(certificate());
        }

        private Instant validationClock() {
            JsonNode clock = context.get("VALIDATIONCLOCK");
            if (clock == null) {
                Assumptions.abort("input TESTCTX.VALIDATIONCLOCK is absent from this file");
            }
            return ValidationClock.parse(clock.asText());
        }

        private static byte[] hex(String hex) {
            return HexFormat.of().parseHex(hex.toLowerCase());
        }

        /** JSON integers as Long, like the CBOR decoder's; everything else as Jackson gives it. */
        private static Object normalizeJson(Object value) {
            if (value instanceof Integer || value instanceof Short) {
                return ((Number) value).longValue();
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new java.util.LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k, normalizeJson(v)));
                return copy;
            }
            if (value instanceof List<?> list) {
                return list.stream().map(Vector::normalizeJson).toList();
            }
            return value;
        }
    }

}

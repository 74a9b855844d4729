package io.tampon.dcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tampon.dcc.DccException;
import io.tampon.dcc.HcertVerifier;
import io.tampon.dcc.ValidationClock;
import io.tampon.dcc.VerifiedPass;
import io.tampon.dcc.cwt.CwtClaims;
import io.tampon.dcc.payload.PayloadNormalizer;
import io.tampon.dcc.qr.QrReader;
import io.tampon.dcc.trust.TrustList;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

/**
 * Command-line verifier, as a border officer's app would verify a pass.
 *
 * <pre>
 * verify (--hc1 'HC1:…' | --png qr.png | --testdata vector.json)
 *        [--trust-list trust-list.json|http://…/trust-list | --dsc dsc.pem] [--at 2026-11-27T10:00:00Z]
 * </pre>
 * A dgc-testdata file brings its own DSC and validation clock unless others are given. Prints the decoded
 * certificate, then {@code VALID} or {@code INVALID <code>: <reason>}. Exit code 0 valid, 1 invalid, 2 usage error.
 */
public final class VerifyCommand {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String hc1 = null;
        TrustList trust = null;
        Instant at = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--hc1" -> hc1 = require(value, args[i]);
                    case "--png" -> hc1 = QrReader.read(Files.readAllBytes(Path.of(require(value, args[i]))));
                    case "--testdata" -> {
                        JsonNode vector = new ObjectMapper().readTree(Path.of(require(value, args[i])).toFile());
                        hc1 = vector.path("PREFIX").asText(null);
                        JsonNode context = vector.path("TESTCTX");
                        if (trust == null && context.hasNonNull("CERTIFICATE")) {
                            trust = TrustList.of(TrustListReader.certificate(
                                    Base64.getMimeDecoder().decode(context.get("CERTIFICATE").asText())));
                        }
                        if (at == null && context.hasNonNull("VALIDATIONCLOCK")) {
                            at = ValidationClock.parse(context.get("VALIDATIONCLOCK").asText());
                        }
                    }
                    case "--trust-list" -> trust = TrustListReader.trustList(require(value, args[i]), err);
                    case "--dsc" -> trust = TrustListReader.singleDsc(Path.of(require(value, args[i])));
                    case "--at" -> at = ValidationClock.parse(require(value, args[i]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (hc1 == null || trust == null) {
                throw new IllegalArgumentException("give a pass (--hc1, --png or --testdata) and a trust list "
                        + "(--trust-list or --dsc)");
            }
        } catch (IllegalArgumentException e) {
            err.println("usage error: " + e.getMessage());
            err.println("usage: verify (--hc1 'HC1:...' | --png qr.png | --testdata vector.json) "
                    + "[--trust-list file|url | --dsc dsc.pem] [--at instant]");
            return USAGE;
        } catch (Exception e) {
            err.println("cannot read the input: " + e.getMessage());
            return USAGE;
        }
        Clock clock = Clock.fixed(at != null ? at : Instant.now(), ZoneOffset.UTC);
        printDecoded(hc1, out);
        try {
            VerifiedPass pass = new HcertVerifier(trust, clock).verify(hc1);
            out.println("VALID " + pass.type() + " certificate, issued by " + pass.claims().issuer() + " at "
                    + pass.claims().issuedAt() + ", expires " + pass.claims().expiresAt() + " (checked at "
                    + clock.instant() + ")");
            return VALID;
        } catch (DccException e) {
            out.println("INVALID " + e.error() + ": " + e.getMessage().substring(e.getMessage().indexOf(':') + 2));
            return INVALID;
        }
    }

    /** The content, even of a pass that will not verify: people need to see what they are holding. */
    private static void printDecoded(String hc1, PrintStream out) {
        try {
            CwtClaims claims = HcertVerifier.decodeUnverified(hc1);
            Map<Object, Object> payload = PayloadNormalizer.normalize(claims.dcc());
            out.println("issuer " + claims.issuer() + ", issued " + claims.issuedAt() + ", expires "
                    + claims.expiresAt());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(payload));
        } catch (DccException | com.fasterxml.jackson.core.JsonProcessingException e) {
            out.println("(cannot decode the content: " + e.getMessage() + ")");
        }
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}

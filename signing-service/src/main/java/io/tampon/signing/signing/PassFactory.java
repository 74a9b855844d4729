package io.tampon.signing.signing;

import io.tampon.contracts.events.PassSigned;
import io.tampon.contracts.events.ResultReceived;
import io.tampon.contracts.events.TestKind;
import io.tampon.contracts.events.TestOutcome;
import io.tampon.dcc.DccException;
import io.tampon.dcc.EncodedPass;
import io.tampon.dcc.HcertEncoder;
import io.tampon.dcc.payload.TestCertificate;
import io.tampon.dcc.payload.TestResult;
import io.tampon.dcc.payload.TestType;
import io.tampon.dcc.payload.Uvci;
import io.tampon.signing.config.SigningProperties;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns an accepted result into a signed pass. Pure and deterministic: the same result gives the same pass. */
@Component
class PassFactory {

    private final HcertEncoder encoder;
    private final SigningProperties properties;

    PassFactory(HcertEncoder encoder, SigningProperties properties) {
        this.encoder = encoder;
        this.properties = properties;
    }

    PassSigned sign(ResultReceived result) throws RejectedResultException {
        List<String> problems = result.problems();
        if (!problems.isEmpty()) {
            throw new RejectedResultException("INVALID_RESULT: " + String.join("; ", problems));
        }
        String uvci = Uvci.forResult(properties.country(), properties.uvciPrefix(), result.resultId());
        TestCertificate certificate;
        try {
            certificate = new TestCertificate(result.patient().familyName(), result.patient().givenName(),
                    result.patient().dateOfBirth(), type(result.testType()), result.deviceId(), result.testName(),
                    result.sampleCollectedAt(), outcome(result.result()), result.testCentre(), properties.country(),
                    properties.issuer(), uvci);
        } catch (DccException e) {
            throw new RejectedResultException(e.getMessage());
        }
        // Issued at the time the result was accepted, not now: re-signing after a crash gives identical bytes.
        EncodedPass pass = encoder.encode(certificate, result.receivedAt());
        return new PassSigned(PassSigned.SCHEMA_VERSION, result.resultId(), result.pharmacyId(), uvci, pass.hc1(),
                Base64.getEncoder().encodeToString(pass.kid()), pass.issuedAt(), pass.expiresAt(),
                result.patient().mobile(), result.patient().email(), result.patient().language());
    }

    private static TestType type(TestKind kind) {
        return kind == TestKind.NAAT ? TestType.NAAT : TestType.RAPID_ANTIGEN;
    }

    private static TestResult outcome(TestOutcome outcome) {
        return outcome == TestOutcome.POSITIVE ? TestResult.DETECTED : TestResult.NOT_DETECTED;
    }
}

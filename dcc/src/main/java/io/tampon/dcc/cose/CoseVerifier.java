package io.tampon.dcc.cose;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import io.tampon.dcc.trust.TrustList;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/** Checks a COSE_Sign1 signature against the trust list: ES256 and PS256, the two algorithms HCERT allows. */
public final class CoseVerifier {

    private CoseVerifier() {
    }

    /** Returns the DSC that signed {@code message}, or fails with the reason. */
    public static X509Certificate verify(CoseSign1 message, TrustList trustList) {
        byte[] kid = message.kid().orElseThrow(() -> new DccException(DccError.KID_UNKNOWN, "no kid in the headers"));
        X509Certificate dsc = trustList.find(kid)
                .orElseThrow(() -> new DccException(DccError.KID_UNKNOWN, "kid not in the trust list"));
        long algorithm = message.algorithm()
                .orElseThrow(() -> new DccException(DccError.ALGORITHM_UNSUPPORTED, "no alg in the headers"));
        byte[] toBeSigned = message.toBeSigned();
        boolean valid;
        if (algorithm == Algorithms.ES256) {
            valid = verifyEs256(dsc.getPublicKey(), toBeSigned, message.signature());
        } else if (algorithm == Algorithms.PS256) {
            valid = verifyPs256(dsc.getPublicKey(), toBeSigned, message.signature());
        } else {
            throw new DccException(DccError.ALGORITHM_UNSUPPORTED, "algorithm " + algorithm);
        }
        if (!valid) {
            throw new DccException(DccError.SIGNATURE_INVALID, "the signature does not verify");
        }
        return dsc;
    }

    static boolean verifyEs256(PublicKey key, byte[] toBeSigned, byte[] signature) {
        if (!(key instanceof ECPublicKey)) {
            throw new DccException(DccError.ALGORITHM_UNSUPPORTED, "ES256 signature but the DSC key is not EC");
        }
        if (signature.length != 64) {
            return false;
        }
        try {
            AsymmetricKeyParameter parameters = ECUtil.generatePublicKeyParameter(key);
            SHA256Digest sha256 = new SHA256Digest();
            byte[] hash = new byte[32];
            sha256.update(toBeSigned, 0, toBeSigned.length);
            sha256.doFinal(hash, 0);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, parameters);
            return verifier.verifySignature(hash, new BigInteger(1, Arrays.copyOfRange(signature, 0, 32)),
                    new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)));
        } catch (GeneralSecurityException e) {
            throw new DccException(DccError.KEY_INVALID, "unusable EC public key", e);
        }
    }

    static boolean verifyPs256(PublicKey key, byte[] toBeSigned, byte[] signature) {
        if (!(key instanceof RSAPublicKey)) {
            throw new DccException(DccError.ALGORITHM_UNSUPPORTED, "PS256 signature but the DSC key is not RSA");
        }
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            verifier.initVerify(key);
            verifier.update(toBeSigned);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new DccException(DccError.KEY_INVALID, "cannot verify RSASSA-PSS", e);
        }
    }
}

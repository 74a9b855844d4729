package io.tampon.dcc.cose;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * ES256 with deterministic ECDSA (RFC 6979): the nonce is derived from the key and the message, so signing the same
 * content twice yields the same bytes. That makes re-processing a result after a crash produce a byte-identical
 * pass — never two different passes for one patient. Uses BouncyCastle's lightweight API directly: about 7× faster
 * than the JDK's SunEC here (see docs/benchmarks.md).
 */
public final class Es256Signer implements CoseSigner {

    private static final int COORDINATE_BYTES = 32;

    private final ECPrivateKeyParameters key;
    private final byte[] kid;
    // ECDSASigner and the digest keep per-call state: one per thread, created once, never per record.
    private final ThreadLocal<ECDSASigner> signer;
    private final ThreadLocal<SHA256Digest> digest = ThreadLocal.withInitial(SHA256Digest::new);

    public Es256Signer(PrivateKey privateKey, byte[] kid) {
        if (!(privateKey instanceof ECPrivateKey)) {
            throw new DccException(DccError.KEY_INVALID, "ES256 needs an EC private key");
        }
        try {
            this.key = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(privateKey);
        } catch (java.security.InvalidKeyException e) {
            throw new DccException(DccError.KEY_INVALID, "unusable EC private key", e);
        }
        ECDomainParameters domain = key.getParameters();
        if (domain.getN().bitLength() != 256) {
            throw new DccException(DccError.KEY_INVALID, "ES256 needs a P-256 key");
        }
        this.kid = kid.clone();
        this.signer = ThreadLocal.withInitial(() -> {
            ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            s.init(true, key);
            return s;
        });
    }

    @Override
    public long algorithm() {
        return Algorithms.ES256;
    }

    @Override
    public byte[] kid() {
        return kid.clone();
    }

    @Override
    public byte[] sign(byte[] toBeSigned) {
        SHA256Digest sha256 = digest.get();
        byte[] hash = new byte[sha256.getDigestSize()];
        sha256.update(toBeSigned, 0, toBeSigned.length);
        sha256.doFinal(hash, 0);
        BigInteger[] rs = signer.get().generateSignature(hash);
        byte[] signature = new byte[2 * COORDINATE_BYTES];
        putUnsigned(rs[0], signature, 0);
        putUnsigned(rs[1], signature, COORDINATE_BYTES);
        return signature;
    }

    /** Big-endian, left-padded to 32 bytes: COSE's r‖s, not DER. */
    static void putUnsigned(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - length, target, offset + COORDINATE_BYTES - length, length);
    }
}

package io.tampon.dcc.cose;

/** Signs a COSE Sig_structure. Implementations must be thread-safe. */
public interface CoseSigner {

    /** The COSE algorithm identifier (ES256 = -7). */
    long algorithm();

    /** The key identifier written into the protected header. */
    byte[] kid();

    /** The signature over {@code toBeSigned}, in COSE's encoding for the algorithm. */
    byte[] sign(byte[] toBeSigned);
}

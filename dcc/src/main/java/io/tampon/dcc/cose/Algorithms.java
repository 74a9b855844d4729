package io.tampon.dcc.cose;

/** COSE algorithm identifiers used by HCERT (IANA COSE registry). */
public final class Algorithms {

    /** ECDSA P-256 with SHA-256; signature is r‖s, 64 bytes. */
    public static final long ES256 = -7;
    /** RSASSA-PSS with SHA-256, MGF1-SHA-256, salt length 32. */
    public static final long PS256 = -37;

    private Algorithms() {
    }
}

package io.tampon.dcc;

/** Every way a pass can fail to encode, decode or verify. One enum, so callers and logs speak the same codes. */
public enum DccError {
    /** The text does not start with a supported context identifier ({@code HC1:}). */
    UNSUPPORTED_PREFIX,
    /** The text is not valid Base45 (RFC 9285). */
    BASE45_INVALID,
    /** The bytes are not a valid zlib stream. */
    COMPRESSION_INVALID,
    /** Inflating would exceed the output cap: a decompression bomb or a pass far larger than any real one. */
    COMPRESSION_LIMIT_EXCEEDED,
    /** The bytes are not well-formed CBOR. */
    CBOR_INVALID,
    /** Not a COSE_Sign1 structure. */
    COSE_INVALID,
    /** The signature algorithm is missing or not supported (ES256 and PS256 are). */
    ALGORITHM_UNSUPPORTED,
    /** No key identifier, or none in the trust list. */
    KID_UNKNOWN,
    /** The signature does not match the content and the key. */
    SIGNATURE_INVALID,
    /** The CWT claims are missing or malformed. */
    CWT_INVALID,
    /** The pass was issued after the verification time. */
    NOT_YET_VALID,
    /** The pass expired before the verification time. */
    EXPIRED,
    /** The document signer certificate was not valid at the verification time. */
    DSC_NOT_VALID,
    /** The document signer certificate may not sign this type of certificate (extended key usage). */
    KEY_USAGE_MISMATCH,
    /** The payload does not follow the DCC schema. */
    SCHEMA_INVALID,
    /** The input to build a pass is incomplete or inconsistent. */
    PAYLOAD_INVALID,
    /** A key or certificate could not be created, read or used. */
    KEY_INVALID,
    /** A QR code could not be rendered or read. */
    QR_FAILED
}

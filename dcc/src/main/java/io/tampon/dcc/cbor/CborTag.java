package io.tampon.dcc.cbor;

/** A tagged CBOR data item (RFC 8949 §3.4), e.g. tag 18 around a COSE_Sign1 or tag 0 around a date-time string. */
public record CborTag(long tag, Object value) {
}

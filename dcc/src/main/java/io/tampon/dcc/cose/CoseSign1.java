package io.tampon.dcc.cose;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import io.tampon.dcc.cbor.CborReader;
import io.tampon.dcc.cbor.CborTag;
import io.tampon.dcc.cbor.CborWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A COSE_Sign1 message (RFC 9052 §4.2): protected header (as the exact bytes that were signed), unprotected header,
 * payload and signature.
 */
public record CoseSign1(byte[] protectedBytes, Map<Object, Object> protectedHeader,
                        Map<Object, Object> unprotectedHeader, byte[] payload, byte[] signature) {

    public static final long COSE_SIGN1_TAG = 18;
    public static final long CWT_TAG = 61;
    static final long HEADER_ALG = 1;
    static final long HEADER_KID = 4;

    /**
     * Parses tagged (18), untagged, and CWT-tagged (61 around 18) messages: all three occur in real passes.
     */
    public static CoseSign1 parse(byte[] cose) {
        Object item = CborReader.decode(cose);
        while (item instanceof CborTag tagged) {
            if (tagged.tag() != COSE_SIGN1_TAG && tagged.tag() != CWT_TAG) {
                throw invalid("unexpected CBOR tag " + tagged.tag());
            }
            item = tagged.value();
        }
        if (!(item instanceof List<?> parts) || parts.size() != 4) {
            throw invalid("a COSE_Sign1 is an array of 4 items");
        }
        if (!(parts.get(0) instanceof byte[] protectedBytes) || !(parts.get(1) instanceof Map<?, ?> unprotected)
                || !(parts.get(2) instanceof byte[] payload) || !(parts.get(3) instanceof byte[] signature)) {
            throw invalid("COSE_Sign1 items have the wrong types");
        }
        Map<Object, Object> protectedHeader = Map.of();
        if (protectedBytes.length > 0) {
            Object decoded = CborReader.decode(protectedBytes);
            if (!(decoded instanceof Map<?, ?> map)) {
                throw invalid("the protected header is not a map");
            }
            protectedHeader = cast(map);
        }
        return new CoseSign1(protectedBytes, protectedHeader, cast(unprotected), payload, signature);
    }

    /** A new message signed by {@code signer}: protected header {alg, kid}, empty unprotected header. */
    public static CoseSign1 sign(byte[] payload, CoseSigner signer) {
        Map<Object, Object> header = new java.util.LinkedHashMap<>();
        header.put(HEADER_ALG, signer.algorithm());
        header.put(HEADER_KID, signer.kid());
        byte[] protectedBytes = CborWriter.encode(header);
        byte[] signature = signer.sign(toBeSigned(protectedBytes, payload));
        return new CoseSign1(protectedBytes, header, Map.of(), payload, signature);
    }

    /** Sig_structure (RFC 9052 §4.4): ["Signature1", protected, external_aad = h'', payload]. */
    public static byte[] toBeSigned(byte[] protectedBytes, byte[] payload) {
        return CborWriter.encode(List.of("Signature1", protectedBytes, new byte[0], payload));
    }

    public byte[] toBeSigned() {
        return toBeSigned(protectedBytes, payload);
    }

    /** Tag 18 and the four items. */
    public byte[] encode() {
        return CborWriter.encode(new CborTag(COSE_SIGN1_TAG,
                List.of(protectedBytes, unprotectedHeader, payload, signature)));
    }

    /** The key identifier: the protected header's wins; the unprotected one is accepted as real verifiers do. */
    public Optional<byte[]> kid() {
        return header(HEADER_KID).filter(byte[].class::isInstance).map(byte[].class::cast);
    }

    public Optional<Long> algorithm() {
        return header(HEADER_ALG).filter(Long.class::isInstance).map(Long.class::cast);
    }

    private Optional<Object> header(long label) {
        Object value = protectedHeader.get(label);
        return Optional.ofNullable(value != null ? value : unprotectedHeader.get(label));
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> cast(Map<?, ?> map) {
        return (Map<Object, Object>) map;
    }

    private static DccException invalid(String why) {
        return new DccException(DccError.COSE_INVALID, why);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CoseSign1 o && Arrays.equals(protectedBytes, o.protectedBytes)
                && Arrays.equals(payload, o.payload) && Arrays.equals(signature, o.signature)
                && unprotectedHeader.equals(o.unprotectedHeader);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "CoseSign1[" + payload.length + " bytes payload]";
    }
}

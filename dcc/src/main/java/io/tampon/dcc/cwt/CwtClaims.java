package io.tampon.dcc.cwt;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import io.tampon.dcc.cbor.CborReader;
import io.tampon.dcc.cbor.CborTag;
import io.tampon.dcc.cbor.CborWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CWT claims of an HCERT (HCERT §3.3): issuer (1), expiry (4), issued-at (6) and the health certificate (-260)
 * holding the DCC payload under key 1.
 */
public record CwtClaims(String issuer, Instant issuedAt, Instant expiresAt, Map<Object, Object> dcc) {

    static final long ISS = 1;
    static final long EXP = 4;
    static final long IAT = 6;
    static final long HCERT = -260;
    static final long EU_DCC_V1 = 1;

    public byte[] encode() {
        Map<Object, Object> claims = new LinkedHashMap<>();
        claims.put(ISS, issuer);
        claims.put(EXP, expiresAt.getEpochSecond());
        claims.put(IAT, issuedAt.getEpochSecond());
        claims.put(HCERT, Map.of(EU_DCC_V1, dcc));
        return CborWriter.encode(claims);
    }

    public static CwtClaims decode(byte[] cbor) {
        Object decoded = CborReader.decode(cbor);
        if (decoded instanceof CborTag tagged && tagged.tag() == 61) {
            decoded = tagged.value();
        }
        if (!(decoded instanceof Map<?, ?> claims)) {
            throw new DccException(DccError.CWT_INVALID, "CWT claims are not a map");
        }
        if (!(claims.get(HCERT) instanceof Map<?, ?> hcert) || !(hcert.get(EU_DCC_V1) instanceof Map<?, ?> dcc)) {
            throw new DccException(DccError.CWT_INVALID, "no EU DCC in the hcert claim (-260 → 1)");
        }
        Object issuer = claims.get(ISS);
        @SuppressWarnings("unchecked")
        Map<Object, Object> payload = (Map<Object, Object>) dcc;
        return new CwtClaims(issuer instanceof String s ? s : null, instant(claims.get(IAT)),
                instant(claims.get(EXP)), payload);
    }

    /** Fails unless {@code at} lies within [iat, exp]; an absent claim does not limit. */
    public void checkValidAt(Instant at) {
        if (issuedAt != null && at.isBefore(issuedAt)) {
            throw new DccException(DccError.NOT_YET_VALID, "issued at " + issuedAt + ", after " + at);
        }
        if (expiresAt != null && at.isAfter(expiresAt)) {
            throw new DccException(DccError.EXPIRED, "expired at " + expiresAt + ", before " + at);
        }
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /** NumericDate (RFC 8392): seconds since the epoch, integer or floating point, possibly tagged (tag 1). */
    private static Instant instant(Object value) {
        if (value instanceof CborTag tagged && tagged.tag() == 1) {
            value = tagged.value();
        }
        if (value == null) {
            return null;
        }
        if (value instanceof Long seconds) {
            return Instant.ofEpochSecond(seconds);
        }
        if (value instanceof Double seconds && Double.isFinite(seconds)) {
            return Instant.ofEpochMilli((long) (seconds * 1000));
        }
        throw new DccException(DccError.CWT_INVALID, "a date claim is not a NumericDate");
    }
}

package io.tampon.dcc.payload;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.util.Map;

/** The three kinds of EU DCC, by the payload's group key. */
public enum CertificateType {
    TEST("t"),
    VACCINATION("v"),
    RECOVERY("r");

    private final String key;

    CertificateType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The type of a decoded payload: the one of {@code t}, {@code v}, {@code r} that is present. */
    public static CertificateType of(Map<?, ?> payload) {
        CertificateType found = null;
        for (CertificateType type : values()) {
            if (payload.containsKey(type.key)) {
                if (found != null) {
                    throw new DccException(DccError.SCHEMA_INVALID, "a DCC holds exactly one of v, t, r");
                }
                found = type;
            }
        }
        if (found == null) {
            throw new DccException(DccError.SCHEMA_INVALID, "a DCC holds one of v, t, r");
        }
        return found;
    }
}

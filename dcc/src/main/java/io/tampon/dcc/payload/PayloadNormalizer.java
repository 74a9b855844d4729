package io.tampon.dcc.payload;

import io.tampon.dcc.cbor.CborTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoded payloads as the JSON schema sees them: issuers may wrap dates in CBOR tags 0 (date-time text) or 1004
 * (full-date text); the tag is dropped and the text kept, as real verifiers do.
 */
public final class PayloadNormalizer {

    private PayloadNormalizer() {
    }

    @SuppressWarnings("unchecked")
    public static Map<Object, Object> normalize(Map<?, ?> payload) {
        return (Map<Object, Object>) normalizeValue(payload);
    }

    private static Object normalizeValue(Object value) {
        if (value instanceof CborTag tagged && (tagged.tag() == 0 || tagged.tag() == 1004)
                && tagged.value() instanceof String text) {
            return text;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, normalizeValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(normalizeValue(v)));
            return copy;
        }
        return value;
    }
}

package io.tampon.dcc.trust;

import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The document signer certificates a verifier trusts, looked up by kid. Immutable. */
public final class TrustList {

    private final Map<String, X509Certificate> byKid;

    private TrustList(Map<String, X509Certificate> byKid) {
        this.byKid = Map.copyOf(byKid);
    }

    public static TrustList of(Collection<X509Certificate> certificates) {
        Map<String, X509Certificate> byKid = new LinkedHashMap<>();
        for (X509Certificate certificate : certificates) {
            byKid.put(key(Kid.of(certificate)), certificate);
        }
        return new TrustList(byKid);
    }

    public static TrustList of(X509Certificate... certificates) {
        return of(List.of(certificates));
    }

    public Optional<X509Certificate> find(byte[] kid) {
        return Optional.ofNullable(byKid.get(key(kid)));
    }

    public Collection<X509Certificate> certificates() {
        return byKid.values();
    }

    public int size() {
        return byKid.size();
    }

    private static String key(byte[] kid) {
        return Base64.getEncoder().encodeToString(kid);
    }
}

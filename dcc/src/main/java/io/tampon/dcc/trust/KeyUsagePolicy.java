package io.tampon.dcc.trust;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import io.tampon.dcc.payload.CertificateType;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which certificate types a DSC may sign, from its extended key usage (HCERT §5.1.1). Both OID forms are in use
 * ({@code 1.3.6.1.4.1.1847.2021.1.x} and, in most test DSCs, {@code 1.3.6.1.4.1.0.1847.2021.1.x}); a DSC with none
 * of them may sign every type.
 */
public final class KeyUsagePolicy {

    public static final String TEST_ISSUANCE_OID = "1.3.6.1.4.1.1847.2021.1.1";
    private static final List<String> PREFIXES = List.of("1.3.6.1.4.1.1847.2021.1.", "1.3.6.1.4.1.0.1847.2021.1.");

    private KeyUsagePolicy() {
    }

    public static Set<CertificateType> allowedTypes(X509Certificate dsc) {
        List<String> usages;
        try {
            usages = dsc.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new DccException(DccError.KEY_INVALID, "unreadable extended key usage", e);
        }
        Set<CertificateType> allowed = EnumSet.noneOf(CertificateType.class);
        if (usages != null) {
            for (CertificateType type : CertificateType.values()) {
                for (String prefix : PREFIXES) {
                    if (usages.contains(prefix + typeSuffix(type))) {
                        allowed.add(type);
                    }
                }
            }
        }
        return allowed.isEmpty() ? EnumSet.allOf(CertificateType.class) : allowed;
    }

    public static void check(X509Certificate dsc, CertificateType type) {
        if (!allowedTypes(dsc).contains(type)) {
            throw new DccException(DccError.KEY_USAGE_MISMATCH, "the DSC may not sign " + type + " certificates");
        }
    }

    private static String typeSuffix(CertificateType type) {
        return switch (type) {
            case TEST -> "1";
            case VACCINATION -> "2";
            case RECOVERY -> "3";
        };
    }
}

package io.tampon.signing.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What signing-service signs with and as whom ({@code tampon.signing.*}). Validated at start: a wrong value fails
 * the start with the property's name, never a pass later.
 *
 * @param country     ISO 3166 alpha-2 code of the issuing state ({@code co} and the CWT issuer)
 * @param issuer      the certificate issuer's name ({@code is})
 * @param uvciPrefix  1–5 letters or digits opening every UVCI's opaque part
 * @param validity    how long a test pass is valid after it is issued
 */
@ConfigurationProperties("tampon.signing")
public record SigningProperties(@DefaultValue("FR") String country,
                                @DefaultValue("Ministère de la Santé et de la Prévention") String issuer,
                                @DefaultValue("TPN") String uvciPrefix,
                                @DefaultValue("72h") Duration validity,
                                @DefaultValue Keys keys) {

    public SigningProperties {
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("tampon.signing.country must be an ISO 3166 alpha-2 code");
        }
        if (uvciPrefix == null || !uvciPrefix.matches("[A-Z0-9]{1,5}")) {
            throw new IllegalArgumentException("tampon.signing.uvci-prefix must be 1-5 upper-case letters or digits");
        }
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("tampon.signing.validity must be positive");
        }
        if (issuer == null || issuer.isBlank() || issuer.length() > 80) {
            throw new IllegalArgumentException("tampon.signing.issuer must be 1-80 characters");
        }
    }

    /**
     * The signing keys: a PKCS#12 keystore whose key entries are DSCs (all published, {@code activeAlias} signs).
     *
     * @param password        from the environment ({@code TAMPON_SIGNING_KEYS_PASSWORD}) or a Secret; never in
     *                        a file of the repository
     * @param passwordFile    alternatively, a file holding the password (a mounted Secret)
     * @param generateDevKeys local runs only: create a development CSCA and DSC when the keystore does not exist
     */
    public record Keys(@DefaultValue(".tampon-data/signing/keystore.p12") Path keystore,
                       @DefaultValue("dsc-1") String activeAlias,
                       String password,
                       Path passwordFile,
                       @DefaultValue("false") boolean generateDevKeys) {
    }
}

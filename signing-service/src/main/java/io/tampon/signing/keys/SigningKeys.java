package io.tampon.signing.keys;

import io.tampon.dcc.cose.Es256Signer;
import io.tampon.dcc.trust.DevPki;
import io.tampon.dcc.trust.Kid;
import io.tampon.dcc.trust.KeyUsagePolicy;
import io.tampon.dcc.trust.Pkcs12Store;
import io.tampon.signing.config.SigningProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The document signer certificates (DSCs) of this service: every key entry of the keystore is published in the
 * trust list, so passes signed before a rotation stay verifiable; the active one signs.
 */
@Component
public class SigningKeys {

    /** Used only with generate-dev-keys, for a keystore that never leaves a developer's machine. */
    static final String DEV_PASSWORD = "tampon-dev-only";
    static final String CSCA_ALIAS = "csca";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final Es256Signer activeSigner;
    private final List<X509Certificate> dscs;
    private final X509Certificate csca;

    public SigningKeys(SigningProperties properties, Clock clock) {
        SigningProperties.Keys keys = properties.keys();
        char[] password = password(keys);
        if (!Files.exists(keys.keystore())) {
            if (!keys.generateDevKeys()) {
                throw new IllegalStateException("tampon.signing.keys.keystore: " + keys.keystore()
                        + " does not exist (set tampon.signing.keys.generate-dev-keys=true for a local run only)");
            }
            generateDevKeystore(properties, keys, password, clock);
        }
        Map<String, DevPki.SigningIdentity> identities = Pkcs12Store.loadAll(keys.keystore(), password);
        DevPki.SigningIdentity active = identities.get(keys.activeAlias());
        if (active == null) {
            throw new IllegalStateException("tampon.signing.keys.active-alias: no key entry '" + keys.activeAlias()
                    + "' in the keystore (it has " + identities.keySet() + ")");
        }
        KeyUsagePolicy.check(active.dsc(), io.tampon.dcc.payload.CertificateType.TEST);
        this.activeSigner = new Es256Signer(active.keyPair().getPrivate(), Kid.of(active.dsc()));
        this.dscs = identities.values().stream().map(DevPki.SigningIdentity::dsc).toList();
        this.csca = Pkcs12Store.loadCsca(keys.keystore(), CSCA_ALIAS, password).map(DevPki.Csca::certificate)
                .orElse(active.csca());
        log.info("signing with DSC kid {} ({} DSCs published)",
                Base64.getEncoder().encodeToString(activeSigner.kid()), dscs.size());
    }

    public Es256Signer activeSigner() {
        return activeSigner;
    }

    public List<X509Certificate> dscs() {
        return dscs;
    }

    public X509Certificate csca() {
        return csca;
    }

    private static char[] password(SigningProperties.Keys keys) {
        if (keys.passwordFile() != null) {
            try {
                return Files.readString(keys.passwordFile()).strip().toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("tampon.signing.keys.password-file: cannot read "
                        + keys.passwordFile(), e);
            }
        }
        if (keys.password() != null && !keys.password().isEmpty()) {
            return keys.password().toCharArray();
        }
        if (keys.generateDevKeys()) {
            return DEV_PASSWORD.toCharArray();
        }
        throw new IllegalStateException("tampon.signing.keys.password (env TAMPON_SIGNING_KEYS_PASSWORD) or "
                + "tampon.signing.keys.password-file is required");
    }

    private static void generateDevKeystore(SigningProperties properties, SigningProperties.Keys keys,
                                            char[] password, Clock clock) {
        SecureRandom random = new SecureRandom();
        var notBefore = clock.instant().minus(Duration.ofDays(1));
        DevPki.Csca csca = DevPki.createCsca(properties.country(), notBefore, Duration.ofDays(4 * 365), random);
        DevPki.SigningIdentity dsc = DevPki.issueDsc(csca, properties.country(), notBefore, Duration.ofDays(365),
                random, List.of(KeyUsagePolicy.TEST_ISSUANCE_OID));
        Path keystore = keys.keystore();
        Pkcs12Store.saveCsca(keystore, CSCA_ALIAS, password, csca);
        Pkcs12Store.save(keystore, keys.activeAlias(), password, dsc);
        log.warn("generated a DEVELOPMENT CSCA and DSC in {}: for local runs only", keystore);
    }
}

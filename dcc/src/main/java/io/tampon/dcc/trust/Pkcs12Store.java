package io.tampon.dcc.trust;

import io.tampon.dcc.DccError;
import io.tampon.dcc.DccException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/** Saves and loads a signing identity (DSC key, DSC, CSCA) as a PKCS#12 keystore entry. */
public final class Pkcs12Store {

    private Pkcs12Store() {
    }

    public static void save(Path file, String alias, char[] password, DevPki.SigningIdentity identity) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
            }
            Certificate[] chain = identity.dsc().equals(identity.csca())
                    ? new Certificate[] {identity.dsc()} : new Certificate[] {identity.dsc(), identity.csca()};
            store.setKeyEntry(alias, identity.keyPair().getPrivate(), password, chain);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "keystore", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException | IOException e) {
            throw new DccException(DccError.KEY_INVALID, "cannot write the keystore " + file.getFileName(), e);
        }
    }

    /** Every signing identity in the keystore, by alias (key entries whose certificate is not a CA). */
    public static java.util.Map<String, DevPki.SigningIdentity> loadAll(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            java.util.Map<String, DevPki.SigningIdentity> identities = new java.util.TreeMap<>();
            for (String alias : java.util.Collections.list(store.aliases())) {
                Certificate[] chain = store.getCertificateChain(alias);
                if (store.getKey(alias, password) instanceof PrivateKey key && chain != null && chain.length > 0
                        && ((X509Certificate) chain[0]).getBasicConstraints() < 0) {
                    X509Certificate dsc = (X509Certificate) chain[0];
                    identities.put(alias, new DevPki.SigningIdentity(new KeyPair(dsc.getPublicKey(), key), dsc,
                            (X509Certificate) chain[chain.length - 1]));
                }
            }
            return identities;
        } catch (GeneralSecurityException | IOException e) {
            throw new DccException(DccError.KEY_INVALID, "cannot read the keystore " + file.getFileName(), e);
        }
    }

    /** Stores a CSCA with its private key (development only: a real CSCA key never leaves its HSM). */
    public static void saveCsca(Path file, String alias, char[] password, DevPki.Csca csca) {
        save(file, alias, password, new DevPki.SigningIdentity(csca.keyPair(), csca.certificate(),
                csca.certificate()));
    }

    public static java.util.Optional<DevPki.Csca> loadCsca(Path file, String alias, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (store.getKey(alias, password) instanceof PrivateKey key
                    && store.getCertificate(alias) instanceof X509Certificate certificate) {
                return java.util.Optional.of(new DevPki.Csca(new KeyPair(certificate.getPublicKey(), key),
                        certificate));
            }
            return java.util.Optional.empty();
        } catch (GeneralSecurityException | IOException e) {
            throw new DccException(DccError.KEY_INVALID, "cannot read the keystore " + file.getFileName(), e);
        }
    }

    public static DevPki.SigningIdentity load(Path file, String alias, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!(store.getKey(alias, password) instanceof PrivateKey key)) {
                throw new DccException(DccError.KEY_INVALID, "no private key under alias " + alias);
            }
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length < 1) {
                throw new DccException(DccError.KEY_INVALID, "no certificate chain under alias " + alias);
            }
            X509Certificate dsc = (X509Certificate) chain[0];
            X509Certificate csca = (X509Certificate) chain[chain.length - 1];
            return new DevPki.SigningIdentity(new KeyPair(dsc.getPublicKey(), key), dsc, csca);
        } catch (GeneralSecurityException | IOException e) {
            // The message names the file, never the password.
            throw new DccException(DccError.KEY_INVALID, "cannot read the keystore " + file.getFileName(), e);
        }
    }
}

package io.tampon.dcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tampon.dcc.trust.TrustList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads what the verifier trusts: Tampon's trust list JSON (file or http URL, see
 * {@link io.tampon.dcc.trust.TrustListDocument}), or a single DSC (PEM, DER or base64 DER).
 */
final class TrustListReader {

    private TrustListReader() {
    }

    static TrustList trustList(String location, PrintStream warnings) throws IOException, InterruptedException {
        String json = location.startsWith("http://") || location.startsWith("https://")
                ? HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).build(),
                        HttpResponse.BodyHandlers.ofString()).body()
                : Files.readString(Path.of(location));
        JsonNode root = new ObjectMapper().readTree(json);
        X509Certificate csca = root.hasNonNull("csca") ? certificate(Base64.getDecoder().decode(
                root.get("csca").asText())) : null;
        List<X509Certificate> dscs = new ArrayList<>();
        for (JsonNode entry : root.path("dscs")) {
            X509Certificate dsc = certificate(Base64.getDecoder().decode(entry.path("certificate").asText()));
            if (csca != null && !signedBy(dsc, csca)) {
                warnings.println("warning: DSC " + entry.path("kid").asText() + " is not signed by the CSCA; ignored");
                continue;
            }
            dscs.add(dsc);
        }
        return TrustList.of(dscs);
    }

    static TrustList singleDsc(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.US_ASCII).strip();
        if (text.startsWith("-----BEGIN")) {
            return TrustList.of(certificate(bytes));
        }
        if (text.matches("[A-Za-z0-9+/=\\s]+")) {
            return TrustList.of(certificate(Base64.getMimeDecoder().decode(text)));
        }
        return TrustList.of(certificate(bytes));
    }

    static X509Certificate certificate(byte[] encoded) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static boolean signedBy(X509Certificate dsc, X509Certificate csca) {
        try {
            dsc.verify(csca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

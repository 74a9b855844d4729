package io.tampon.signing.keys;

import io.tampon.dcc.trust.TrustListDocument;
import io.tampon.signing.config.SigningProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes every DSC this service signs or signed with, and their CSCA, so any verifier can check our passes. */
@RestController
class TrustListController {

    private final String document;

    TrustListController(SigningKeys keys, SigningProperties properties) {
        // The keys are fixed for the life of the process: render once.
        this.document = TrustListDocument.toJson(properties.country(), keys.csca(), keys.dscs());
    }

    @GetMapping(value = "/trust-list", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> trustList() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }
}

package io.tampon.ingest;

import io.micronaut.runtime.Micronaut;

/** The pharmacy-facing edge of Tampon. */
public final class IngestApplication {

    private IngestApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(IngestApplication.class, args);
    }
}

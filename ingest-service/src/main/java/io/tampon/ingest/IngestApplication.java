package io.tampon.ingest;

import io.micronaut.runtime.Micronaut;
import io.micronaut.serde.annotation.SerdeImport;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.info.Info;
import io.tampon.contracts.events.Patient;
import io.tampon.contracts.events.ResultReceived;

/** The pharmacy-facing edge of Tampon. */
@OpenAPIDefinition(info = @Info(title = "Tampon pharmacy API", version = "1",
        description = "Post test results; each accepted result becomes a signed EU DCC test pass."))
@SecurityScheme(name = "pharmacyKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "the pharmacy's API key")
@SerdeImport(ResultReceived.class)
@SerdeImport(Patient.class)
public final class IngestApplication {

    private IngestApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(IngestApplication.class, args);
    }
}

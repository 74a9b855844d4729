package io.tampon.signing.signing;

import io.tampon.dcc.HcertEncoder;
import io.tampon.signing.config.SigningProperties;
import io.tampon.signing.keys.SigningKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One encoder for the whole service: it and its signer are thread-safe and keep per-thread state. */
@Configuration(proxyBeanMethods = false)
class SignerConfig {

    @Bean
    HcertEncoder hcertEncoder(SigningKeys keys, SigningProperties properties, Clock clock) {
        return new HcertEncoder(keys.activeSigner(), properties.country(), properties.validity(), clock);
    }
}

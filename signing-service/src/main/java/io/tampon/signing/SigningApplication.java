package io.tampon.signing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Turns accepted results into signed EU DCC test certificates. */
@SpringBootApplication
public class SigningApplication {

    public static void main(String[] args) {
        SpringApplication.run(SigningApplication.class, args);
    }
}

package io.tampon.qr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Renders and stores each pass and serves the patient's page. */
@SpringBootApplication
public class QrApplication {

    public static void main(String[] args) {
        SpringApplication.run(QrApplication.class, args);
    }
}

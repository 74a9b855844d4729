package io.tampon.notification.email;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.contracts.events.Language;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void eachLanguageCarriesTheLinkAndTheInlineQr() {
        for (Language language : Language.values()) {
            Messages.Message email = Messages.email(language, "https://tampon.example/p/abc");
            assertTrue(email.text().contains("https://tampon.example/p/abc"));
            assertTrue(email.html().contains("href=\"https://tampon.example/p/abc\""));
            assertTrue(email.html().contains("src=\"cid:qr\""));
            assertTrue(Messages.sms(language, "https://tampon.example/p/abc").length() <= 160,
                    "one SMS segment with a ~60-character link");
        }
        assertTrue(Messages.email(Language.FR, "l").html().startsWith("<!doctype html><html lang=\"fr\""));
        assertTrue(Messages.email(Language.EN, "l").subject().startsWith("Your"));
    }
}

package io.tampon.qr.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tampon.qr.issuing.StoredPass;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PatientPageTest {

    private static StoredPass pass(String family) {
        return new StoredPass(UUID.randomUUID(), UUID.randomUUID(), "HC1:X", new byte[0],
                Instant.parse("2026-11-27T09:00:00Z"), Instant.parse("2026-11-30T09:00:00Z"), family, "Zoé",
                "LP6464-4", "2026-11-27T08:00:00Z", "260373001", "EN");
    }

    @Test
    void rendersInThePassLanguageWithEveryFactAndNoExternalAsset() {
        String html = PatientPage.render(pass("Durand"), "tok", PatientPage.language(null, "EN"));
        assertTrue(html.startsWith("<!doctype html><html lang=\"en\""));
        for (String fact : new String[] {"Zoé Durand", "PCR test (NAAT)", "Positive (detected)",
                "November 30, 2026, 10:00", "/p/tok/qr.png", "/p/tok/pass.pdf?lang=en", "?lang=fr"}) {
            assertTrue(html.contains(fact), fact + " in " + html);
        }
        assertFalse(html.contains("http://") || html.contains("https://"), "no external asset");
    }

    @Test
    void escapesWhatItShows() {
        String html = PatientPage.render(pass("<script>alert(1)</script>"), "tok", "fr");
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;"));
    }

    @Test
    void theLanguageCanBeSwitchedAndDefaultsToFrench() {
        assertEquals("fr", PatientPage.language("fr", "EN"));
        assertEquals("en", PatientPage.language("en", "FR"));
        assertEquals("fr", PatientPage.language(null, null));
        assertEquals("fr", PatientPage.language("de", null));
    }

    @Test
    void thePdfTextKeepsLatinOneAndFoldsTheRest() {
        assertEquals("Lefèvre Nguyen", PassPdf.winAnsi("Lefèvre Nguyễn"));
    }
}

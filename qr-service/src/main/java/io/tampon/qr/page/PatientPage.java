package io.tampon.qr.page;

import io.tampon.qr.issuing.StoredPass;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The patient's page: server-rendered, no external asset, mobile first, readable by screen readers. French and
 * English; the pass's language by default, switchable.
 */
final class PatientPage {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "fr", pairs("title", "Votre certificat de test COVID-19", "qr", "QR code de votre certificat",
                    "name", "Nom", "type", "Type de test", "date", "Prélèvement", "result", "Résultat",
                    "valid", "Valable jusqu'au", "png", "Télécharger le QR code (PNG)", "pdf", "Télécharger le certificat (PDF)", "other", "English",
                    "negative", "Négatif (non détecté)", "positive", "Positif (détecté)",
                    "notFound", "Ce lien n'est pas valide ou a expiré."),
            "en", pairs("title", "Your COVID-19 test certificate", "qr", "QR code of your certificate",
                    "name", "Name", "type", "Test type", "date", "Sample taken", "result", "Result",
                    "valid", "Valid until", "png", "Download the QR code (PNG)", "pdf", "Download the certificate (PDF)", "other", "Français",
                    "negative", "Negative (not detected)", "positive", "Positive (detected)",
                    "notFound", "This link is not valid or has expired."));
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:32rem;"
            + "margin-inline:auto;color:#111;background:#fff}h1{font-size:1.3rem}img{max-width:100%;height:auto;"
            + "image-rendering:pixelated;display:block;margin:1rem auto}dl{display:grid;"
            + "grid-template-columns:auto 1fr;gap:.3rem 1rem}dt{font-weight:600}a{color:#0645ad}"
            + ".actions{display:flex;gap:1rem;flex-wrap:wrap;margin-top:1rem}";

    private PatientPage() {
    }

    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Map.copyOf(map);
    }

    static String language(String requested, String passLanguage) {
        String lang = requested != null ? requested : passLanguage;
        return lang != null && lang.toLowerCase(Locale.ROOT).equals("en") ? "en" : "fr";
    }

    /** What the page and the PDF say about a pass, in one language; values are plain text (not escaped). */
    record Facts(String title, String name, String type, String sampled, String result, String validUntil,
                 Map<String, String> labels) {

        java.util.List<String[]> lines() {
            return java.util.List.of(new String[] {labels.get("name"), name},
                    new String[] {labels.get("type"), type}, new String[] {labels.get("date"), sampled},
                    new String[] {labels.get("result"), result}, new String[] {labels.get("valid"), validUntil});
        }
    }

    static Facts facts(StoredPass pass, String lang) {
        Map<String, String> t = TEXT.get(lang);
        DateTimeFormatter date = DateTimeFormatter.ofPattern(lang.equals("fr") ? "d MMMM yyyy, HH:mm"
                : "MMMM d, yyyy, HH:mm", Locale.forLanguageTag(lang)).withZone(PARIS);
        String name = (pass.givenName() == null ? "" : pass.givenName() + " ") + pass.familyName();
        String type = "LP217198-3".equals(pass.testType()) ? (lang.equals("fr") ? "Test antigénique rapide"
                : "Rapid antigen test") : (lang.equals("fr") ? "Test PCR (TAAN)" : "PCR test (NAAT)");
        String result = "260373001".equals(pass.testResult()) ? t.get("positive") : t.get("negative");
        return new Facts(t.get("title"), name, type, format(pass.sampleCollectedAt(), date), result,
                date.format(pass.expiresAt()), t);
    }

    /**
     * Shown at exactly 3 CSS pixels per QR module: 6 device pixels on a 2x phone screen, 9 on a 3x one — always
     * whole pixels per module, which keeps the code as sharp on screen as in the PNG (fractional scaling blurs
     * module edges and makes scanners miss). About 7.5 cm wide on a phone.
     */
    static int displayWidth(byte[] png, int moduleSize) {
        if (png.length < 24) {
            return 300;
        }
        int width = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
        return width / moduleSize * 3;
    }

    static String render(StoredPass pass, String token, String lang) {
        return render(pass, token, lang, 300);
    }

    static String render(StoredPass pass, String token, String lang, int qrWidth) {
        Map<String, String> t = TEXT.get(lang);
        String other = lang.equals("fr") ? "en" : "fr";
        Facts facts = facts(pass, lang);
        String name = escape(facts.name());
        String type = facts.type();
        String result = facts.result();
        String sampled = escape(facts.sampled());
        return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + t.get("title") + "</title><style>" + STYLE
                + "</style></head><body><main><h1>" + t.get("title") + "</h1>"
                + "<img src=\"/p/" + token + "/qr.png\" alt=\"" + t.get("qr") + "\" width=\"" + qrWidth
                + "\" height=\"" + qrWidth + "\">"
                + "<dl><dt>" + t.get("name") + "</dt><dd>" + name + "</dd>"
                + "<dt>" + t.get("type") + "</dt><dd>" + type + "</dd>"
                + "<dt>" + t.get("date") + "</dt><dd>" + sampled + "</dd>"
                + "<dt>" + t.get("result") + "</dt><dd>" + result + "</dd>"
                + "<dt>" + t.get("valid") + "</dt><dd>" + facts.validUntil() + "</dd></dl>"
                + "<div class=\"actions\"><a href=\"/p/" + token + "/qr.png\" download=\"pass-qr.png\">"
                + t.get("png") + "</a><a href=\"/p/" + token + "/pass.pdf?lang=" + lang + "\" download=\"pass.pdf\">"
                + t.get("pdf") + "</a><a href=\"/p/" + token + "?lang=" + other + "\" lang=\"" + other + "\">"
                + t.get("other") + "</a></div></main></body></html>";
    }

    static String notFound(String lang) {
        return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>404</title>"
                + "<style>" + STYLE + "</style></head><body><main><h1>404</h1><p>"
                + TEXT.get(lang).get("notFound") + "</p></main></body></html>";
    }

    private static String format(String isoDateTime, DateTimeFormatter formatter) {
        try {
            return formatter.format(Instant.parse(isoDateTime));
        } catch (RuntimeException e) {
            return isoDateTime;
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

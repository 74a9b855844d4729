package io.tampon.notification.email;

import io.tampon.contracts.events.Language;

/** The texts patients receive, in French and English. The link is the only personal element. */
public final class Messages {

    private Messages() {
    }

    public record Message(String subject, String text, String html) {
    }

    public static Message email(Language language, String link) {
        if (language == Language.EN) {
            return new Message("Your COVID-19 test certificate is ready",
                    "Hello,\n\nYour COVID-19 test certificate is ready. Show the QR code attached to this email, or "
                            + "open your private link:\n" + link + "\n\nKeep this link to yourself.\n",
                    html("en", "Your COVID-19 test certificate is ready", "Show this QR code, or open "
                            + "your private link:", link, "Open my certificate", "Keep this link to yourself."));
        }
        return new Message("Votre certificat de test COVID-19 est prêt",
                "Bonjour,\n\nVotre certificat de test COVID-19 est prêt. Présentez le QR code joint à ce message, "
                        + "ou ouvrez votre lien personnel :\n" + link + "\n\nNe partagez pas ce lien.\n",
                html("fr", "Votre certificat de test COVID-19 est prêt", "Présentez ce QR code, ou ouvrez "
                        + "votre lien personnel :", link, "Ouvrir mon certificat", "Ne partagez pas ce lien."));
    }

    public static String sms(Language language, String link) {
        return language == Language.EN
                ? "Your COVID-19 test certificate is ready: " + link
                : "Votre certificat de test COVID-19 est prêt : " + link;
    }

    private static String html(String lang, String title, String intro, String link, String button, String keep) {
        return "<!doctype html><html lang=\"" + lang + "\"><body style=\"font-family:sans-serif\"><h1 "
                + "style=\"font-size:1.2em\">" + title + "</h1><p>" + intro + "</p><p><img src=\"cid:qr\" "
                + "alt=\"QR code\" width=\"300\" height=\"300\"></p><p><a href=\"" + link + "\">" + button
                + "</a></p><p>" + keep + "</p></body></html>";
    }
}

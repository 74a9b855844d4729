package io.tampon.load;

/** The simulated pharmacies: deterministic ids and API keys, and names with accents for realistic payloads. */
final class Pharmacies {

    static final String[] FAMILY_NAMES = {"Lefèvre-Dupont", "Müller", "Nguyễn", "Da Silva", "O'Brien", "Łukasiewicz",
            "Gómez", "Durand", "Øster", "Benoît"};
    static final String[] GIVEN_NAMES = {"Amélie", "Jörg", "Chloé", "João", "Siobhán", "Zoé", "Hélène", "François"};

    private Pharmacies() {
    }

    static String id(int i) {
        return "ph-%05d".formatted(i);
    }

    static String key(int i) {
        return "load-key-%05d".formatted(i);
    }
}

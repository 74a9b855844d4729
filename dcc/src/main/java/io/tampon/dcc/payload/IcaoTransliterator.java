package io.tampon.dcc.payload;

import java.text.Normalizer;
import java.util.Map;

/**
 * Machine-readable names per ICAO Doc 9303 part 3 §6, as the DCC's {@code fnt}/{@code gnt} require: upper-case
 * A–Z, {@code <} for spaces and hyphens, national characters transliterated (Ä→AE, Ø→OE, ß→SS...), other accents
 * folded, anything else dropped, at most 80 characters (DCC schema).
 */
public final class IcaoTransliterator {

    static final int MAX_LENGTH = 80;

    private static final Map<Character, String> SPECIAL = Map.ofEntries(
            Map.entry('Ä', "AE"), Map.entry('Ö', "OE"), Map.entry('Ü', "UE"), Map.entry('Å', "AA"),
            Map.entry('Æ', "AE"), Map.entry('Ø', "OE"), Map.entry('Œ', "OE"), Map.entry('ß', "SS"),
            Map.entry('Þ', "TH"), Map.entry('Ð', "D"), Map.entry('Đ', "D"), Map.entry('Ł', "L"),
            Map.entry('Ĳ', "IJ"), Map.entry('Ŋ', "N"), Map.entry('Ħ', "H"), Map.entry('ẞ', "SS"));

    private IcaoTransliterator() {
    }

    public static String transliterate(String name) {
        StringBuilder out = new StringBuilder(name.length());
        String upper = name.strip().toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < upper.length() && out.length() < MAX_LENGTH; i++) {
            char c = upper.charAt(i);
            String special = SPECIAL.get(c);
            if (special != null) {
                out.append(special);
            } else if (c >= 'A' && c <= 'Z') {
                out.append(c);
            } else if (c == ' ' || c == '-' || c == '\u2010' || c == '\u2011') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '<') {
                    out.append('<');
                }
            } else {
                String folded = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char base = folded.charAt(0);
                if (base >= 'A' && base <= 'Z') {
                    out.append(base);
                }
                // Apostrophes, digits and other marks have no place in the machine-readable zone: dropped.
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '<') {
            out.setLength(out.length() - 1);
        }
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
    }
}

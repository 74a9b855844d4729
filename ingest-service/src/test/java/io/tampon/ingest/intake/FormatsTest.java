package io.tampon.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each hand-written reading answers exactly as the regular expression it replaces, on many near-miss inputs. */
class FormatsTest {

    @Test
    void externalRefIsItsPattern() {
        same("[A-Za-z0-9._:/-]{1,64}", Formats::externalRef, "aZ09._:/-@ é", 70, "REF-1", "", "a".repeat(64),
                "a".repeat(65));
    }

    @Test
    void e164IsItsPattern() {
        same("\\+[1-9]\\d{6,14}", Formats::e164, "+0123456789 -٣", 18, "+33612345678", "+0612345678", "+1234567",
                "+123456", "+123456789012345", "+1234567890123456");
    }

    @Test
    void dateOfBirthIsItsPattern() {
        same("(19|20)\\d\\d(-\\d\\d){0,2}", Formats::dateOfBirth, "1920-3x", 11, "1984", "1984-03", "1984-03-07",
                "2099-99-99", "1899-01-01", "1984-3-07", "1984-03-07-");
    }

    @Test
    void emailIsItsPattern() {
        same("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,63}", Formats::email, "a.@ \t\n\u000B\f\r\u00A0é", 16,
                "patient@example.org", "a@b.co", "a@b.c", "@b.co", "a@.co", "a@@b.co", "a b@c.de", "a@b.c.d",
                "a".repeat(64) + "@b.co", "a".repeat(65) + "@b.co", "a@" + "b".repeat(190) + ".co",
                "a@" + "b".repeat(191) + ".co", "a@b." + "c".repeat(63), "a@b." + "c".repeat(64),
                "a@b." + "c".repeat(64) + ".de", "a@b.c" + "d".repeat(62) + ".e");
    }

    private static void same(String regex, Predicate<String> reading, String alphabet, int maxLength,
                             String... examples) {
        Pattern pattern = Pattern.compile(regex);
        for (String example : examples) {
            assertEquals(pattern.matcher(example).matches(), reading.test(example), example);
        }
        Random random = new Random(regex.hashCode());
        for (int i = 0; i < 200_000; i++) {
            // Mostly mutations of a matching example: random strings alone would almost never match.
            StringBuilder value = new StringBuilder(examples[random.nextInt(examples.length)]);
            for (int edits = random.nextInt(4); edits > 0; edits--) {
                int at = value.isEmpty() ? 0 : random.nextInt(value.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> value.insert(at, c);
                    case 1 -> {
                        if (at < value.length()) {
                            value.setCharAt(at, c);
                        }
                    }
                    default -> {
                        if (at < value.length()) {
                            value.deleteCharAt(at);
                        }
                    }
                }
            }
            if (random.nextInt(10) == 0) {
                value.setLength(0);
                for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = value.toString();
            assertEquals(pattern.matcher(text).matches(), reading.test(text), text);
        }
    }
}

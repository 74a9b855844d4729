package io.tampon.contracts.events;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patient as the pass and the notification need them, nothing more.
 *
 * @param dateOfBirth YYYY-MM-DD (or YYYY / YYYY-MM when only that is known, as the DCC schema allows)
 * @param mobile      E.164 number, or null
 * @param email       or null; at least one of mobile and email is present
 */
public record Patient(String familyName, String givenName, String dateOfBirth, String mobile, String email,
                      Language language) {

    // Compiled once: String.matches compiles its pattern on every call, and every pass checks its result.
    private static final Pattern DATE_OF_BIRTH = Pattern.compile("(19|20)\\d\\d(-\\d\\d){0,2}");

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        ResultReceived.require(familyName, "patient.familyName", problems);
        if (dateOfBirth == null || !DATE_OF_BIRTH.matcher(dateOfBirth).matches()) {
            problems.add("patient.dateOfBirth: must be YYYY-MM-DD");
        }
        if ((mobile == null || mobile.isBlank()) && (email == null || email.isBlank())) {
            problems.add("patient: a mobile number or an email is required");
        }
        ResultReceived.require(language, "patient.language", problems);
        return problems;
    }

    @Override
    public String toString() {
        return "Patient[redacted]";
    }
}

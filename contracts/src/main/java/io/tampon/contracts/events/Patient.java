package io.tampon.contracts.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The patient as the pass and the notification need them, nothing more.
 *
 * @param dateOfBirth YYYY-MM-DD (or YYYY / YYYY-MM when only that is known, as the DCC schema allows)
 * @param mobile      E.164 number, or null
 * @param email       or null; at least one of mobile and email is present
 */
public record Patient(String familyName, String givenName, String dateOfBirth, String mobile, String email,
                      Language language) {

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        ResultReceived.require(familyName, "patient.familyName", problems);
        if (dateOfBirth == null || !dateOfBirth.matches("(19|20)\\d\\d(-\\d\\d){0,2}")) {
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

package io.tampon.dcc.payload;

/** Type of test, as the DCC value set {@code covid-19-lab-test-type} codes it (LOINC). */
public enum TestType {
    RAPID_ANTIGEN("LP217198-3"),
    NAAT("LP6464-4");

    private final String code;

    TestType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package io.tampon.dcc.payload;

/** Result of the test, as the DCC value set {@code covid-19-lab-result} codes it (SNOMED CT). */
public enum TestResult {
    NOT_DETECTED("260415000"),
    DETECTED("260373001");

    private final String code;

    TestResult(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

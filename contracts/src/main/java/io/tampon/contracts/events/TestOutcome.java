package io.tampon.contracts.events;

/** What the test found. */
public enum TestOutcome {
    NEGATIVE,
    POSITIVE
}

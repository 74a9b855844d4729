package io.tampon.contracts.events;

/** The two kinds of test a pharmacy reports. */
public enum TestKind {
    RAPID_ANTIGEN,
    NAAT
}

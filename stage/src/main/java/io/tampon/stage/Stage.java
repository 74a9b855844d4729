package io.tampon.stage;

/** How far a result has come through the pipeline, in order; FAILED ends it. */
public enum Stage {
    RECEIVED,
    SIGNED,
    ISSUED,
    NOTIFIED,
    FAILED
}

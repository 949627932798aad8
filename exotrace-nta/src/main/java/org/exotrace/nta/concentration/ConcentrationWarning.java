package org.exotrace.nta.concentration;

/**
 * Why a concentration should not be trusted as is.
 *
 * @param kind    what is wrong
 * @param message a sentence for the analyst, with the values involved
 */
public record ConcentrationWarning(Kind kind, String message) {

    public enum Kind {
        /** Too few particles per frame: counting noise dominates; use a less diluted sample. */
        TOO_FEW_PARTICLES,
        /** Too many particles per frame: tracks overlap and are lost; dilute further. */
        TOO_MANY_PARTICLES
    }
}

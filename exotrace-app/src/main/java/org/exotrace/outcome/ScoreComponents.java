package org.exotrace.outcome;

/**
 * The validated components of one instrument's score. Implementations refuse missing or
 * out-of-range components when constructed, so an instance can always be scored.
 */
public interface ScoreComponents {

    /** The instrument these components belong to. */
    Instrument instrument();

    /** The score, computed exactly and banded. */
    Score score();
}

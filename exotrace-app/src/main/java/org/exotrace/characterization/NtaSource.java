package org.exotrace.characterization;

/** What an NTA upload is. */
public enum NtaSource {
    /** A trackpy-style trajectory CSV (frame, particle, x, y), sized by Exotrace's own analysis. */
    TRACKS,
    /** A NanoSight NTA 3.x ExperimentSummary.csv, whose results the instrument software computed. */
    NANOSIGHT
}

package org.exotrace.nta.io;

import java.io.IOException;

/**
 * A NanoSight ExperimentSummary.csv that does not hold what a known field needs: the message
 * names the line (1-based), the key of the row (its first cell) and, for per-video values, the
 * video.
 */
public class NanoSightFormatException extends IOException {

    private final int lineNumber;
    private final String key;

    public NanoSightFormatException(int lineNumber, String key, String problem) {
        super("line " + lineNumber + (key == null ? "" : ", key '" + key + "'") + ": " + problem);
        this.lineNumber = lineNumber;
        this.key = key;
    }

    /** The 1-based line of the problem, or of the section header when a whole row is missing. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The row key (first cell) concerned, or {@code null}. */
    public String key() {
        return key;
    }
}

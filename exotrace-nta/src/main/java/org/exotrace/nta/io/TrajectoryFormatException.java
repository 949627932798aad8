package org.exotrace.nta.io;

import java.io.IOException;

/**
 * A trajectory file that cannot be read as the {@link TrajectoryFormat} says: the message names
 * the line (1-based, the header is line 1), the field and what is wrong with it.
 *
 * <p>It is an {@link IOException} because bad input is a property of the file, handled where the
 * file is opened, not a programming error.
 */
public class TrajectoryFormatException extends IOException {

    private final long lineNumber;
    private final String field;

    public TrajectoryFormatException(long lineNumber, String field, String problem) {
        super("line " + lineNumber + (field == null ? "" : ", field '" + field + "'") + ": " + problem);
        this.lineNumber = lineNumber;
        this.field = field;
    }

    /** The 1-based line of the problem; the header is line 1. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The column the problem is in, or {@code null} when it concerns the whole line. */
    public String field() {
        return field;
    }
}

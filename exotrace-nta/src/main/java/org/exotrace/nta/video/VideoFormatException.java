package org.exotrace.nta.video;

import java.io.Serial;

/** A video or frame folder that cannot be read; the message says which file and what to do. */
public final class VideoFormatException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public VideoFormatException(String message) {
        super(message);
    }

    public VideoFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

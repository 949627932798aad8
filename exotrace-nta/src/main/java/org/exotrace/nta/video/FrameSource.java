package org.exotrace.nta.video;

import java.io.IOException;
import java.util.OptionalInt;

/** Frames of one video in order, streamed: memory does not grow with the video's length. */
public interface FrameSource extends AutoCloseable {

    /** The next frame, or {@code null} at the end; valid until the next call (the source may reuse it). */
    Frame next() throws IOException, VideoFormatException;

    /** The number of frames, when known before reading them (folders, TIFF stacks, AVI index). */
    OptionalInt frameCount();

    int width();

    int height();

    /** What was opened, for a person: e.g. "300 PNG frames, 640 × 424, 8-bit colour read as grey". */
    String description();

    @Override
    void close() throws IOException;
}

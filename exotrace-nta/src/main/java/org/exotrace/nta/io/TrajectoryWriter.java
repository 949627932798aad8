package org.exotrace.nta.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a trajectory CSV that {@link TrajectoryReader} reads back: a header with the format's
 * four column names, in the order frame, particle, x, y, then one comma-separated row per
 * position, LF line ends, UTF-8, no BOM.
 *
 * <p>Positions arrive in µm and are written in the format's unit: {@code x / (pixelSizeNm / 1000)}
 * for pixels, unchanged for micrometres. Numbers are written with {@link Double#toString}, the
 * shortest text that parses back to the same double, so a micrometre file round-trips exactly;
 * a pixel file round-trips to within a few ulps (one division and one multiplication).
 *
 * <p>It is a {@link PositionSink}, so a reader can pipe into it. Since a sink cannot throw checked
 * exceptions, a write failure inside {@link #position} is rethrown as an {@link UncheckedIOException}.
 * Not thread-safe. Closing it closes the underlying writer.
 */
public final class TrajectoryWriter implements PositionSink, Closeable {

    private final Writer out;
    private final double umPerUnit;
    private final StringBuilder line = new StringBuilder(64);
    private long rows;

    /** Writes the header at once to {@code out}, which the writer then owns. */
    public TrajectoryWriter(Writer out, TrajectoryFormat format) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.umPerUnit = format.micrometresPerUnit();
        out.write(format.frameColumn() + "," + format.particleColumn() + "," + format.xColumn() + "," + format.yColumn() + "\n");
    }

    /** Creates or replaces {@code file}. */
    public static TrajectoryWriter create(Path file, TrajectoryFormat format) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            return new TrajectoryWriter(out, format);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Writes one row.
     *
     * @throws IllegalArgumentException when the frame is negative or a coordinate is not finite
     *                                  (the reader would refuse the file)
     */
    @Override
    public void position(int frame, long particle, double xUm, double yUm) {
        if (frame < 0) {
            throw new IllegalArgumentException("negative frame " + frame);
        }
        if (!Double.isFinite(xUm) || !Double.isFinite(yUm)) {
            throw new IllegalArgumentException("position not finite: (" + xUm + ", " + yUm + ")");
        }
        line.setLength(0);
        line.append(frame).append(',').append(particle).append(',')
                .append(toUnit(xUm)).append(',').append(toUnit(yUm)).append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private double toUnit(double um) {
        return um / umPerUnit;
    }
}

package org.exotrace.nta.io;

import java.util.Objects;

/**
 * How a trajectory CSV is laid out: which header names hold the frame, the particle id and the x
 * and y positions, and the unit of x and y. Other columns (trackpy writes mass, size, ecc,
 * signal, ...) are ignored by the reader.
 *
 * <p>Positions in {@link LengthUnit#PIXELS} are converted with {@code xUm = x * (pixelSizeNm / 1000)};
 * {@code pixelSizeNm} is the pixel edge in the object plane and must be finite and positive. For
 * {@link LengthUnit#MICROMETRES} the pixel size is not used and is {@code NaN}.
 *
 * @param frameColumn    header name of the zero-based frame index (an integer)
 * @param particleColumn header name of the track id (an integer)
 * @param xColumn        header name of x
 * @param yColumn        header name of y
 * @param unit           unit of x and y
 * @param pixelSizeNm    pixel size in nm when {@code unit} is pixels, else {@code NaN}
 */
public record TrajectoryFormat(String frameColumn, String particleColumn, String xColumn, String yColumn,
                               LengthUnit unit, double pixelSizeNm) {

    public TrajectoryFormat {
        requireName(frameColumn, "frame");
        requireName(particleColumn, "particle");
        requireName(xColumn, "x");
        requireName(yColumn, "y");
        Objects.requireNonNull(unit, "unit");
        if (unit == LengthUnit.PIXELS && !(Double.isFinite(pixelSizeNm) && pixelSizeNm > 0)) {
            throw new IllegalArgumentException("pixel size must be a positive number of nm for pixel units: " + pixelSizeNm);
        }
        if (unit == LengthUnit.MICROMETRES) {
            pixelSizeNm = Double.NaN;
        }
        if (java.util.Set.of(frameColumn, particleColumn, xColumn, yColumn).size() != 4) {
            throw new IllegalArgumentException("the four column names must differ: "
                    + frameColumn + ", " + particleColumn + ", " + xColumn + ", " + yColumn);
        }
    }

    /**
     * trackpy's column names (frame, particle, x, y) with positions already in micrometres. Files
     * written by trackpy itself are in pixels: use {@link #trackpy(double)} for them.
     */
    public static TrajectoryFormat trackpy() {
        return new TrajectoryFormat("frame", "particle", "x", "y", LengthUnit.MICROMETRES, Double.NaN);
    }

    /** trackpy's column names (frame, particle, x, y) with positions in pixels of the given size. */
    public static TrajectoryFormat trackpy(double pixelSizeNm) {
        return trackpy().inPixels(pixelSizeNm);
    }

    /** The same columns, positions in pixels of {@code pixelSizeNm} nm. */
    public TrajectoryFormat inPixels(double pixelSizeNm) {
        return new TrajectoryFormat(frameColumn, particleColumn, xColumn, yColumn, LengthUnit.PIXELS, pixelSizeNm);
    }

    /** The same columns, positions in micrometres. */
    public TrajectoryFormat inMicrometres() {
        return new TrajectoryFormat(frameColumn, particleColumn, xColumn, yColumn, LengthUnit.MICROMETRES, Double.NaN);
    }

    /** The same unit, other column names. */
    public TrajectoryFormat withColumns(String frame, String particle, String x, String y) {
        return new TrajectoryFormat(frame, particle, x, y, unit, pixelSizeNm);
    }

    /** Micrometres per unit of x and y: {@code pixelSizeNm / 1000} for pixels, 1 for micrometres. */
    public double micrometresPerUnit() {
        return unit == LengthUnit.PIXELS ? pixelSizeNm / 1000.0 : 1.0;
    }

    private static void requireName(String name, String role) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(role + " column name must not be blank");
        }
    }
}

package org.exotrace.nta.detect;

import java.util.Arrays;

/**
 * The features found in one frame, in primitive arrays reused from frame to frame: they grow and
 * never shrink, so detection allocates nothing once the busiest frame has been seen.
 */
public final class Features {

    private int count;
    private double[] x = new double[64];
    private double[] y = new double[64];
    private double[] mass = new double[64];
    private double[] peak = new double[64];
    private double[] radius = new double[64];
    private boolean[] saturated = new boolean[64];
    private boolean[] overlapping = new boolean[64];

    public int count() {
        return count;
    }

    /** Sub-pixel column position, px ((0, 0) is the centre of the top-left pixel). */
    public double x(int i) {
        return x[check(i)];
    }

    /** Sub-pixel row position, px. */
    public double y(int i) {
        return y[check(i)];
    }

    /** Integrated intensity above the local background, camera units. */
    public double mass(int i) {
        return mass[check(i)];
    }

    /** The brightest raw pixel of the feature, camera units. */
    public double peak(int i) {
        return peak[check(i)];
    }

    /** Radius of gyration of the feature's intensity, px. */
    public double radiusPx(int i) {
        return radius[check(i)];
    }

    /** A raw pixel of the feature sat at the camera's maximum: its mass and centre are biased. */
    public boolean saturated(int i) {
        return saturated[check(i)];
    }

    /** Another feature lies closer than one feature diameter: its centroid may be pulled. */
    public boolean overlapping(int i) {
        return overlapping[check(i)];
    }

    public void clear() {
        count = 0;
    }

    /** Appends a feature; returns its index. */
    public int add(double xPx, double yPx, double featureMass, double featurePeak, double radiusPx, boolean isSaturated) {
        if (count == x.length) grow();
        int i = count++;
        x[i] = xPx;
        y[i] = yPx;
        mass[i] = featureMass;
        peak[i] = featurePeak;
        radius[i] = radiusPx;
        saturated[i] = isSaturated;
        overlapping[i] = false;
        return i;
    }

    public void markOverlapping(int i) {
        overlapping[check(i)] = true;
    }

    private void grow() {
        int n = x.length * 2;
        x = Arrays.copyOf(x, n);
        y = Arrays.copyOf(y, n);
        mass = Arrays.copyOf(mass, n);
        peak = Arrays.copyOf(peak, n);
        radius = Arrays.copyOf(radius, n);
        saturated = Arrays.copyOf(saturated, n);
        overlapping = Arrays.copyOf(overlapping, n);
    }

    private int check(int i) {
        if (i < 0 || i >= count) throw new IndexOutOfBoundsException("feature " + i + " of " + count);
        return i;
    }
}

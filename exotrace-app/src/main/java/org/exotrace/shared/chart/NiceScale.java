package org.exotrace.shared.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Round steps for chart axes, so that ticks read 0, 5, 10 ... rather than 0, 4.6, 9.2 ...: a
 * raw step is rounded up to 1, 2 or 5 (optionally also 2.5) times a power of ten.
 */
public final class NiceScale {

    private NiceScale() {}

    /** The smallest of 1, 2, 5 or 10 times a power of ten that is at least {@code raw} (> 0). */
    public static double step(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / magnitude;
        return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
    }

    /** As {@link #step(double)}, with 2.5 times a power of ten also allowed (finer: 0, 25, 50 ...). */
    public static double stepWithQuarters(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / magnitude;
        return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * magnitude;
    }

    /**
     * An axis from 0 to a multiple of a 1-2-5 step at or above {@code top}, in about
     * {@code intervals} steps; at least one step long, also when {@code top} is 0.
     */
    public static Axis fromZero(double top, int intervals) {
        double step = step(Math.max(top, 1e-3) / intervals);
        return new Axis(step, Math.max(step, Math.ceil(top / step) * step));
    }

    /** An axis from 0 to {@code max} with ticks every {@code step}. */
    public record Axis(double step, double max) {

        /** The same steps, the axis ending at {@code max} instead. */
        public Axis endingAt(double max) {
            return new Axis(step, max);
        }

        /** The tick values 0, step, 2 step ... up to {@code max} (allowing for rounding). */
        public List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (double v = 0; v <= max + step / 1000; v += step) ticks.add(v);
            return ticks;
        }
    }
}

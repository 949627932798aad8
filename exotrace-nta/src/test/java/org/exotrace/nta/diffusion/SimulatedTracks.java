package org.exotrace.nta.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.exotrace.nta.simulate.TrackSteps;

/**
 * Shared seeded fixtures: tracks simulated by sub-step integration of the exposure (not drawn from
 * the estimators' covariance formula), at NTA-like D = 4.53 µm²/s (100 nm, 22 °C water) and
 * dt = 0.04 s (25 fps). σ² is set from the reduced localization error x = σ²/(D dt).
 */
abstract class SimulatedTracks {

    static final double D = 4.53;
    static final double DT = 0.04;
    static final double FULL_FRAME_BLUR = 1.0 / 6;
    static final int SUB_STEPS = 8;

    static double sigma2(double x) {
        return x * D * DT;
    }

    static List<TrackSteps> tracks(double x, double blur, int steps, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrackSteps> tracks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tracks.add(TrackSteps.simulate(D, sigma2(x), blur, DT, steps, SUB_STEPS, random));
        }
        return tracks;
    }

    static double[] estimates(List<TrackSteps> tracks, DiffusionEstimator estimator) {
        return tracks.stream().mapToDouble(t -> estimator.estimate(t.dx(), t.dy(), DT).diffusionUm2PerS()).toArray();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double e : v) s += e;
        return s / v.length;
    }

    static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double e : v) s += (e - m) * (e - m);
        return s / (v.length - 1);
    }

    static <T> double meanOf(List<T> items, ToDoubleFunction<T> f) {
        return items.stream().mapToDouble(f).average().orElseThrow();
    }
}

package org.exotrace.nta.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.exotrace.nta.TrackDiffusion;
import org.exotrace.nta.sizing.StokesEinstein;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;

/**
 * Seeded synthetic NTA videos for the sizing tests, generated from the model the estimators assume
 * but with the size-dependent track sampling of a real video.
 *
 * <p>A video has {@code particles} "slots": the particles present in the analysed region at any
 * time (steady state). Each slot has one diameter drawn from the truth and, over {@code frames}
 * frames, is filled by consecutive tracks of particles of that diameter. A track has
 * k = 5 + Geometric(mean 90.6 / D) steps (D in µm²/s; 20 extra steps at 100 nm, so a residence
 * time ∝ 1/D) and k + 1 positions; the last track is cut at the video's end and dropped if it would
 * have fewer than 5 steps. Small particles thus give more, shorter tracks per particle, as in a real
 * video. A track's mean squared 2-D step is M ~ Gamma(shape k, scale 4·D·dt/k) (no localisation
 * error, no blur) and its per-track estimate is D̂ = M / (4·dt) with variance D̂²/k.
 */
final class SyntheticTracks {

    static final double DT = 0.04;
    static final int MIN_STEPS = 5;
    static final double RESIDENCE_STEPS_TIMES_D = 90.6;
    static final StokesEinstein WATER_22C =
            new StokesEinstein(Temperature.ofCelsius(22), Viscosity.ofMillipascalSeconds(0.955));

    /** The generated tracks and the true diameter (nm) of each particle slot. */
    record Video(List<TrackDiffusion> tracks, double[] particleDiametersNm) {
    }

    private SyntheticTracks() {
    }

    static Video video(int particles, int frames, ToDoubleFunction<SplittableRandom> truthNm, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrackDiffusion> tracks = new ArrayList<>();
        double[] diameters = new double[particles];
        long id = 0;
        for (int s = 0; s < particles; s++) {
            double d = truthNm.applyAsDouble(random);
            diameters[s] = d;
            double diffusion = WATER_22C.diffusionUm2PerS(d);
            double meanExtra = RESIDENCE_STEPS_TIMES_D / diffusion;
            int framesLeft = frames;
            while (framesLeft >= MIN_STEPS + 1) {
                int k = MIN_STEPS + geometric(random, meanExtra);
                if (k + 1 > framesLeft) k = framesLeft - 1;
                framesLeft -= k + 1;
                double theta = 4 * diffusion * DT;
                double m = gamma(random, k) * theta / k;
                double dHat = m / (4 * DT);
                tracks.add(new TrackDiffusion(id++, k, DT, m, dHat, dHat * dHat / k));
            }
        }
        return new Video(tracks, diameters);
    }

    /** Geometric on {0, 1, 2, ...} with the given mean. */
    static int geometric(SplittableRandom random, double mean) {
        double q = mean / (1 + mean); // failure probability
        return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(q));
    }

    /**
     * Gamma(shape, 1) by Marsaglia &amp; Tsang, ACM TOMS 26, 363 (2000); shapes below 1 via
     * Gamma(shape + 1) · U^(1/shape).
     */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(1 - random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    static ToDoubleFunction<SplittableRandom> monodisperse(double nm) {
        return r -> nm;
    }

    static ToDoubleFunction<SplittableRandom> lognormal(double medianNm, double geometricSd) {
        double sigma = Math.log(geometricSd);
        return r -> medianNm * Math.exp(sigma * r.nextGaussian());
    }

    /** Two populations in equal numbers of particles. */
    static ToDoubleFunction<SplittableRandom> twoPopulations(double aNm, double bNm) {
        return r -> r.nextBoolean() ? aNm : bNm;
    }
}

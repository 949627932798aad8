package org.exotrace.nta.distribution;

import java.util.function.ToDoubleFunction;

import org.exotrace.nta.TrackDiffusion;

/**
 * Turns the distribution of <em>tracks</em> over sizes into the distribution of <em>particles</em>.
 *
 * <p>Why it is needed: a video of fixed length records a particle of diameter d as many tracks as
 * times it (or a particle like it) enters and leaves the detection region. Small particles diffuse
 * faster, leave the light sheet and the field of view sooner, and so give more, shorter tracks per
 * particle present. With N(d) particles present on average, the expected number of tracks is
 * T(d) ∝ N(d) / τ(d), τ(d) being the mean track duration. The maximum-likelihood fit estimates the
 * track fractions v(d); the particle number distribution is N(d) ∝ v(d) · τ(d). A model supplies
 * the relative particles-per-track factor τ(d) at each grid node.
 *
 * <p>"Particles" here means the time-averaged number present in the analysed region, which is the
 * quantity a concentration refers to. No model here corrects the detection bias against dim small
 * particles (scattering ∝ d^6), which are detected in a thinner layer around the focal plane: see
 * {@code org.exotrace.nta.detectionlimit.DetectionDepthSampling}, which measures it from a video's
 * brightness. Particles never detected leave no track.
 */
public interface SamplingModel {

    /** Name reported with a result. */
    String name();

    /**
     * Relative number of particles per track at each grid node (any positive scale).
     *
     * @param fit the fitted track distribution, tracks and grid
     */
    double[] particlesPerTrack(Fit fit);

    /** What a sampling model can use from a finished fit. */
    interface Fit {
        DiameterGrid grid();

        /** D in µm²/s at each grid node. */
        double[] diffusionUm2PerS();

        /** One representative of each group of tracks with the same likelihood (same steps, frame interval and, to 0.25 %, mean squared step). */
        java.util.List<TrackDiffusion> tracks();

        /** Fitted track fractions v at each grid node. */
        double[] trackFractions();

        /**
         * For each grid node j, the responsibility-weighted mean of {@code f} over the tracks,
         * Σ_i r_ij f(track_i) / Σ_i r_ij, with r_ij the posterior probability that track i came
         * from node j; NaN where no track is attributed to node j.
         */
        double[] meanPerNode(ToDoubleFunction<TrackDiffusion> f);
    }

    /**
     * Every particle gives exactly one track: the track distribution is the particle distribution.
     * Right only when each particle is followed once for its whole stay (e.g. a simulation that
     * makes one track per particle), not for a video of a steady-state suspension.
     */
    static SamplingModel oneTrackPerParticle() {
        return new SamplingModel() {
            @Override
            public String name() {
                return "one track per particle";
            }

            @Override
            public double[] particlesPerTrack(Fit fit) {
                double[] r = new double[fit.grid().size()];
                java.util.Arrays.fill(r, 1.0);
                return r;
            }
        };
    }

    /**
     * The default. τ(d) is the mean number of frames (positions = steps + 1) of the tracks the fit
     * attributes to size d, estimated from the data through the EM responsibilities; nodes with no
     * attributed track have no fitted tracks either and get 0. Equivalent to counting
     * particle-frames, i.e. the mean number of particles of each size present per frame.
     *
     * <p>Assumptions: steady state over the video; a track's length is independent of its steps'
     * lengths given the size (true when tracks end by leaving the sheet along z or by detection
     * loss); every particle present in a frame belongs to a track that was kept. Tracks dropped by a
     * minimum-length filter and tracks cut by the video's start or end bias τ(d) slightly.
     */
    static SamplingModel observedTrackDuration() {
        return new SamplingModel() {
            @Override
            public String name() {
                return "observed track duration (particle-frames)";
            }

            @Override
            public double[] particlesPerTrack(Fit fit) {
                double[] tau = fit.meanPerNode(t -> t.steps() + 1.0);
                for (int j = 0; j < tau.length; j++) if (Double.isNaN(tau[j])) tau[j] = 0;
                return tau;
            }
        };
    }

    /**
     * Parametric residence-time model: a track of a particle with diffusion coefficient D lasts on
     * average τ = (minimumSteps + 1)·dt + L² / (12·D), L the detection depth (light-sheet thickness),
     * L²/(12 D) being the mean time 1-D Brownian motion started uniformly in a slab of thickness L
     * takes to leave it, and (minimumSteps + 1)·dt the frames every kept track has at least. dt is the
     * tracks' mean frame interval. Use it when τ(d) should not come from the data (few tracks).
     * UNVERIFIED as a model of a real instrument: exit through the field-of-view edges and detection
     * loss are ignored.
     *
     * @param sheetThicknessUm L, in µm
     * @param minimumSteps     the minimum track length (in steps) used when the tracks were kept
     */
    static SamplingModel slabResidence(double sheetThicknessUm, int minimumSteps) {
        if (!(sheetThicknessUm > 0)) throw new IllegalArgumentException("sheet thickness must be positive, got " + sheetThicknessUm + " µm");
        if (minimumSteps < 0) throw new IllegalArgumentException("minimum steps must be >= 0, got " + minimumSteps);
        return new SamplingModel() {
            @Override
            public String name() {
                return "slab residence (L = " + sheetThicknessUm + " µm, min steps " + minimumSteps + ")";
            }

            @Override
            public double[] particlesPerTrack(Fit fit) {
                double dt = fit.tracks().stream().mapToDouble(TrackDiffusion::dtSeconds).average().orElse(1);
                double[] d = fit.diffusionUm2PerS();
                double[] tau = new double[d.length];
                for (int j = 0; j < d.length; j++) {
                    tau[j] = (minimumSteps + 1) * dt + sheetThicknessUm * sheetThicknessUm / (12 * d[j]);
                }
                return tau;
            }
        };
    }
}

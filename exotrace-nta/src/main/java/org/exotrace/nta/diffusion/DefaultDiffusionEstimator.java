package org.exotrace.nta.diffusion;

/**
 * The library's default per-track estimator: {@link MaximumLikelihoodEstimator} over D alone, with
 * the localization variance σ² taken from a {@link LocalizationEnsemble} of the same video.
 *
 * <p>Why: on the short tracks typical of NTA (10-50 steps) the covariance estimator's variance is
 * well above the Cramér-Rao bound when σ²/(D dt) is small (2.5× at 10 steps, σ²/(D dt) = 0.01, full-frame
 * blur; 1.4-1.8× at σ²/(D dt) = 0.1-1), while the maximum likelihood estimate with an ensemble σ² stays within a few percent of
 * the bound {@link CramerRaoBound#knownLocalization} across σ²/(D dt) = 0.01..1 (see the tests).
 * Formula, units and assumptions are those of {@link MaximumLikelihoodEstimator} (Berglund, Phys.
 * Rev. E 82, 011917, 2010) and {@link LocalizationEnsemble} (Vestergaard et al., Phys. Rev. E 89,
 * 022726, 2014).
 */
public final class DefaultDiffusionEstimator implements DiffusionEstimator {

    private final MaximumLikelihoodEstimator likelihood;
    private final double sigma2;

    private DefaultDiffusionEstimator(double sigma2, double blur) {
        this.sigma2 = sigma2;
        this.likelihood = MaximumLikelihoodEstimator.withKnownLocalization(sigma2, blur);
    }

    /** Uses the ensemble's σ² and motion blur. */
    public static DefaultDiffusionEstimator of(LocalizationEnsemble ensemble) {
        return new DefaultDiffusionEstimator(ensemble.sigma2Um2(), ensemble.motionBlur());
    }

    /** Uses a σ² known otherwise (µm² per axis; for example from immobilised particles). */
    public static DefaultDiffusionEstimator withLocalization(double sigma2Um2, double motionBlur) {
        return new DefaultDiffusionEstimator(sigma2Um2, motionBlur);
    }

    /** The σ² per axis used, in µm² (as given, before clamping at 0). */
    public double sigma2Um2() {
        return sigma2;
    }

    @Override
    public DiffusionEstimate estimate(double[] dx, double[] dy, double dtSeconds) {
        return likelihood.estimate(dx, dy, dtSeconds);
    }

    /**
     * Buffers and tables for estimating many tracks in a row from reusable step buffers, with the
     * same results as {@link #estimate}; one per thread.
     */
    public MaximumLikelihoodEstimator.Workspace workspace() {
        return likelihood.workspace();
    }
}

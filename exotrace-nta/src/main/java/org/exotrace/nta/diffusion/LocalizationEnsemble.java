package org.exotrace.nta.diffusion;

/**
 * Ensemble estimate of the localization variance σ² (per axis, µm²) from many tracks of one video
 * or sample, for estimators that need σ² as a known input ({@link DefaultDiffusionEstimator}).
 *
 * <p>Each track t with k<sub>t</sub> ≥ 2 steps contributes the covariance-estimator value
 * (Vestergaard, Blainey and Flyvbjerg, Phys. Rev. E 89, 022726, 2014)
 * <pre>
 *   σ̂²_t = R ⟨Δx_n²⟩_t + (2R - 1) ⟨Δx_n Δx_{n+1}⟩_t
 * </pre>
 * which is unbiased whatever the track's D. The ensemble value is the weighted mean
 * Σ w<sub>t</sub> σ̂²<sub>t</sub> / Σ w<sub>t</sub> with w<sub>t</sub> = k<sub>t</sub> - 1, hence
 * also unbiased. (Pooling the raw sums over tracks instead would weight squares and products
 * differently and mix in the tracks' D.) It can come out slightly negative when σ² is much smaller
 * than D dt; consumers clamp it at 0.
 *
 * <p>Assumptions: the same σ² for every track (in NTA it grows for dim, small particles; split the
 * ensemble by brightness when that matters), same R, drift already removed. Not thread-safe while
 * tracks are being added.
 */
public final class LocalizationEnsemble {

    private final double blur;
    private double weightedSum;
    private double weights;
    private int tracks;

    /** @param motionBlur R in [0, 1/4] */
    public LocalizationEnsemble(double motionBlur) {
        this.blur = Steps.checkBlur(motionBlur);
    }

    /** Adds one track's steps (µm); tracks of fewer than two steps carry no information and are skipped. */
    public LocalizationEnsemble add(double[] dx, double[] dy) {
        if (dx.length != dy.length) throw new IllegalArgumentException("dx and dy differ in length");
        return add(dx, dy, dx.length);
    }

    /** Adds the track whose steps are the first {@code steps} entries of {@code dx} and {@code dy}. */
    public LocalizationEnsemble add(double[] dx, double[] dy, int steps) {
        if (steps < 0 || steps > dx.length || steps > dy.length) {
            throw new IllegalArgumentException(steps + " steps do not fit buffers of " + dx.length + " and " + dy.length);
        }
        int k = steps;
        if (k < 2) return this;
        double sigma2 = blur * Steps.meanSquare(dx, dy, k) + (2 * blur - 1) * Steps.meanLagOneProduct(dx, dy, k);
        weightedSum += (k - 1) * sigma2;
        weights += k - 1;
        tracks++;
        return this;
    }

    public int tracks() {
        return tracks;
    }

    public double motionBlur() {
        return blur;
    }

    /** The ensemble σ² per axis, in µm². */
    public double sigma2Um2() {
        if (tracks == 0) throw new IllegalStateException("no track of two or more steps was added");
        return weightedSum / weights;
    }
}

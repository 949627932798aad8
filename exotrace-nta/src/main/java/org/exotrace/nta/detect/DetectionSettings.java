package org.exotrace.nta.detect;

/**
 * How particles are found in a frame.
 *
 * @param featureDiameterPx an odd number of pixels, at least 3, a little larger than a particle's
 *                          spot; 0 chooses it from the data
 * @param thresholdSigma    a local maximum of the band-passed image is a particle when it stands
 *                          this many noise standard deviations above the background
 * @param minSeparationPx   two maxima closer than this are one feature; 0 means the feature diameter + 1
 */
public record DetectionSettings(int featureDiameterPx, double thresholdSigma, double minSeparationPx) {

    /** Five noise σ: about one false feature per 3.5 million pixels of Gaussian noise. */
    public static final double DEFAULT_THRESHOLD_SIGMA = 5;

    public DetectionSettings {
        if (featureDiameterPx != 0 && (featureDiameterPx < 3 || featureDiameterPx % 2 == 0 || featureDiameterPx > 99)) {
            throw new IllegalArgumentException("feature diameter must be an odd number of pixels from 3 to 99, or 0 to choose it from the data, not "
                    + featureDiameterPx);
        }
        if (!(thresholdSigma >= 1 && thresholdSigma <= 100)) {
            throw new IllegalArgumentException("threshold must be 1 to 100 noise standard deviations, not " + thresholdSigma);
        }
        if (!(minSeparationPx >= 0 && minSeparationPx <= 200)) {
            throw new IllegalArgumentException("minimum separation must be 0 to 200 pixels, not " + minSeparationPx);
        }
    }

    /** Feature size from the data, five σ threshold, separation from the feature size. */
    public static DetectionSettings automatic() {
        return new DetectionSettings(0, DEFAULT_THRESHOLD_SIGMA, 0);
    }

    public boolean featureSizeAutomatic() {
        return featureDiameterPx == 0;
    }

    /** The separation in effect once the feature diameter is known. */
    public double separationPx(int diameterPx) {
        return minSeparationPx > 0 ? minSeparationPx : diameterPx + 1;
    }

    public DetectionSettings withFeatureDiameter(int px) {
        return new DetectionSettings(px, thresholdSigma, minSeparationPx);
    }
}

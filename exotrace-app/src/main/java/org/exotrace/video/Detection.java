package org.exotrace.video;

import java.util.Locale;
import org.exotrace.nta.detect.DetectionSettings;
import org.exotrace.nta.video.Polarity;
import org.exotrace.nta.video.VideoSettings;

/**
 * What the analyst stated about detection, for a video the automatic choices misjudge (as
 * {@code exotrace nta video --particles, --feature-diameter-px, --threshold-sigma}); each null
 * leaves that choice to the library: the polarity decided from the first frames, the feature
 * diameter chosen from the frames, the threshold at {@link DetectionSettings#DEFAULT_THRESHOLD_SIGMA}.
 *
 * @param particles         {@link Polarity#BRIGHT} or {@link Polarity#DARK}; null decides from the frames
 * @param featureDiameterPx the spot diameter, an odd number of pixels the library accepts; null chooses it from the frames
 * @param thresholdSigma    noise standard deviations above the background; null keeps the library's default
 */
public record Detection(Polarity particles, Integer featureDiameterPx, Double thresholdSigma) {

    public Detection {
        if (particles == Polarity.AUTO) particles = null;
        if (featureDiameterPx != null && featureDiameterPx == 0) throw new IllegalArgumentException("a feature diameter chosen from the frames is null, not 0");
        settings(featureDiameterPx, thresholdSigma);
    }

    /** Everything left to the library. */
    public static Detection automatic() {
        return new Detection(null, null, null);
    }

    /** The tracking settings with these choices in place of the automatic ones. */
    public VideoSettings applyTo(VideoSettings base) {
        return base.withPolarity(particles == null ? Polarity.AUTO : particles).withDetection(settings(featureDiameterPx, thresholdSigma));
    }

    /** The polarity as the command line names it: auto, bright or dark. */
    public String particlesName() {
        return (particles == null ? Polarity.AUTO : particles).name().toLowerCase(Locale.ROOT);
    }

    /** The library's own checks of a stated diameter and threshold: an {@link IllegalArgumentException} when it refuses one. */
    static DetectionSettings settings(Integer featureDiameterPx, Double thresholdSigma) {
        return new DetectionSettings(featureDiameterPx == null ? 0 : featureDiameterPx,
                thresholdSigma == null ? DetectionSettings.DEFAULT_THRESHOLD_SIGMA : thresholdSigma, 0);
    }
}

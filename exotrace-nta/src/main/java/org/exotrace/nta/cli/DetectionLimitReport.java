package org.exotrace.nta.cli;

import java.util.Locale;

import org.exotrace.nta.detectionlimit.DetectionLimit;
import org.exotrace.nta.distribution.NumberDistribution;

/** How {@code nta video} shows a {@link DetectionLimit}: a JSON object and one summary line. */
final class DetectionLimitReport {

    private DetectionLimitReport() {
    }

    /**
     * {@code detectionLimit}: the smallest detectable size with its 95 % interval, the exponent and
     * in-focus mass it follows from, what was estimated and what assumed, and the share of the
     * distribution close to the limit.
     */
    static void json(Json j, DetectionLimit l, NumberDistribution particles, boolean depthCorrected) {
        double z = 1.96 * l.smallestDetectableLogSe();
        j.object("detectionLimit").field("identified", l.identified()).field("source", l.source())
                .field("smallestDetectableNm", l.smallestDetectableNm())
                .field("smallestDetectableLowNm", l.smallestDetectableNm() * Math.exp(-z))
                .field("smallestDetectableHighNm", l.smallestDetectableNm() * Math.exp(z))
                .field("exponent", l.exponent()).field("exponentSe", l.exponentSe())
                .field("exponentSource", l.identified() ? "estimated from the data" : "not identified")
                .field("referenceNm", l.referenceNm()).field("inFocusMassAtReference", l.inFocusMassAtReference())
                .field("inFocusMassSource", "estimated from the data").field("massThreshold", l.massThreshold())
                .field("rayleighSmallestDetectableNm", l.assumedExponentNm())
                .field("nearLimitNm", DetectionLimit.NEAR_LIMIT_FACTOR * l.smallestDetectableNm())
                .field("fractionNearLimit", l.fractionNearLimit(particles))
                .field("focusProfile", "Gaussian, assumed").field("depthCorrected", depthCorrected)
                .field("tracks", (long) l.tracksUsed()).field("censoredTracks", (long) l.censoredTracks())
                .field("brightnessScatter", l.brightnessScatter()).field("note", l.note()).end();
    }

    /** One line for the human summary. */
    static String line(DetectionLimit l, boolean depthCorrected) {
        if (!l.identified()) return "detection limit: not identified: " + l.note();
        double z = 1.96 * l.smallestDetectableLogSe();
        return String.format(Locale.ROOT, "detection limit: smallest detectable ~%.0f nm (95 %% %.0f–%.0f nm); brightness ∝ d^%.1f ± %.1f, "
                        + "estimated from %,d tracks%s", l.smallestDetectableNm(), l.smallestDetectableNm() * Math.exp(-z),
                l.smallestDetectableNm() * Math.exp(z), l.exponent(), l.exponentSe(), l.tracksUsed(),
                depthCorrected ? "; sizes corrected for the detection depth" : "");
    }
}

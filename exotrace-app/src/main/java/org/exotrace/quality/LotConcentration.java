package org.exotrace.quality;

import java.time.ZoneOffset;
import java.util.Locale;
import org.exotrace.results.Result;
import org.exotrace.shared.Texts;
import org.exotrace.specification.TestDefinition;

/**
 * A lot's particle concentration as typed and as measured: the concentration declared on the lot
 * when it was made, the latest valid result of the specification's concentration test (the test
 * with a {@link TestDefinition#declaredTolerance()}, else its first particle concentration test),
 * and whether the two agree within the specification's tolerance. A disagreement blocks release
 * until the declared value is corrected (with a reason) or a new measurement agrees.
 *
 * @param declaredPerMl          the lot's declared concentration, particles/mL, or null
 * @param test                   the specification's concentration test, or null when it has none
 * @param measuredPerMl          the latest valid result of that test in particles/mL, or null
 * @param measured               that result, or null
 * @param specificationReference the specification version, for messages
 */
public record LotConcentration(Double declaredPerMl, TestDefinition test, Double measuredPerMl, Result measured,
                               String specificationReference) {

    /** Whether both values exist and the specification asks for them to be compared. */
    public boolean compared() {
        return declaredPerMl != null && declaredPerMl > 0 && measuredPerMl != null && measuredPerMl > 0
                && test != null && test.declaredTolerance() != null;
    }

    /** How many times the larger of the two values is the smaller; null when not compared. */
    public Double fold() {
        return compared() ? Math.max(measuredPerMl / declaredPerMl, declaredPerMl / measuredPerMl) : null;
    }

    /** True unless the two values are compared and differ by more than the tolerance. */
    public boolean agrees() {
        return !compared() || fold() <= test.declaredTolerance() * (1 + 1e-12);
    }

    /** The refusal when they disagree, naming both values, the fold, the tolerance and the ways out; null when they agree. */
    public String disagreement() {
        if (agrees()) return null;
        double fold = fold();
        String times = fold >= 10 ? String.format(Locale.ROOT, "%.0f-fold", fold) : String.format(Locale.ROOT, "%.1f-fold", fold);
        return "Declared concentration " + perMl(declaredPerMl) + " and measured " + perMl(measuredPerMl) + " (" + test.name() + ", "
                + measured.method() + ", " + measured.performedAt().atZone(ZoneOffset.UTC).toLocalDate() + ") disagree: the measured value is "
                + times + (measuredPerMl < declaredPerMl ? " lower" : " higher") + " and " + specificationReference + " allows ×/÷ "
                + Texts.number(test.declaredTolerance()) + ". Correct the declared concentration with a reason, or retest the concentration.";
    }

    /** The concentration a release of the lot states: the measured one when there is one, else the declared one; null for neither. */
    public Double releasedPerMl() {
        if (measuredPerMl != null) return measuredPerMl;
        return declaredPerMl != null && declaredPerMl > 0 ? declaredPerMl : null;
    }

    /** Whether {@link #releasedPerMl()} is a measured value. */
    public boolean releasedIsMeasured() {
        return measuredPerMl != null;
    }

    static String perMl(double value) {
        return Texts.scientific(value) + " particles/mL";
    }
}

package org.exotrace.nta.detectionlimit;

import java.util.Locale;
import java.util.Optional;

import org.exotrace.nta.distribution.NumberDistribution;

/**
 * The smallest detectable size and the brightness-size relation it follows from, as estimated by
 * {@link DetectionLimitEstimator}.
 *
 * <p>The relation: a particle of diameter d in focus gives a feature of mass m(d) = m_ref · (d / d_ref)^p
 * (detector camera units); out of focus its mass falls as exp(−z² / (2 dof²)) (Gaussian focus
 * profile, assumed). It is detected while its mass is at least the detector's mass threshold m_th,
 * so only within |z| ≤ z_det(d) = dof · √(2 ln(m(d) / m_th)), and not at all below the smallest
 * detectable diameter d_min, where m(d_min) = m_th.
 *
 * @param identified              whether the data pin the exponent (see {@link DetectionLimitEstimator}); when
 *                                false, {@link #smallestDetectableNm} is NaN and nothing here should be used
 *                                to correct a distribution
 * @param exponent                p, estimated (NaN when there were too few tracks to fit)
 * @param exponentSe              its standard error (conditional on the fitted size distribution)
 * @param referenceNm             d_ref, the centre (mean of ln d) of the fitted track distribution, nm
 * @param inFocusMassAtReference  m_ref, the in-focus mass of a particle of d_ref, detector camera units
 * @param inFocusMassLogSe        standard error of ln m_ref
 * @param massThreshold           m_th, the detector's mass threshold, camera units
 * @param smallestDetectableNm    d_min = d_ref · (m_th / m_ref)^(1/p), nm; NaN when not identified
 * @param smallestDetectableLogSe standard error of ln d_min (delta method); NaN when not identified
 * @param assumedExponentNm       d_min with the Rayleigh exponent 6 assumed and m_ref as estimated, nm: the
 *                                limit if the particles are small dielectric spheres; given whether or not
 *                                the exponent was identified
 * @param brightnessScatter       σ, the SD of a track's mean log mass about the model's expectation
 * @param tracksUsed              tracks in the fit
 * @param censoredTracks          of those, tracks with a saturated position (their brightness a lower bound)
 * @param note                    how the numbers came about, or why the exponent is not identified, for a person
 */
public record DetectionLimit(boolean identified, double exponent, double exponentSe, double referenceNm, double inFocusMassAtReference,
                             double inFocusMassLogSe, double massThreshold, double smallestDetectableNm, double smallestDetectableLogSe,
                             double assumedExponentNm, double brightnessScatter, int tracksUsed, int censoredTracks, String note) {

    /** p of Rayleigh scattering by particles much smaller than the wavelength. */
    public static final double RAYLEIGH_EXPONENT = 6;
    /** Sizes below this multiple of d_min count as close to the limit. */
    public static final double NEAR_LIMIT_FACTOR = 1.5;
    /** The share of the distribution close to the limit from which on the warning is given. */
    public static final double MATERIAL_FRACTION = 0.05;
    /**
     * The least ln(m(d) / m_th) the detection depth is computed with: nodes whose in-focus mass is below
     * e^0.5 ≈ 1.65 times the threshold get the depth of one at 1.65 times, dof, rather than a depth
     * shrinking to zero, which would inflate them without bound.
     */
    public static final double MIN_LOG_MASS_RATIO = 0.5;

    /** What the numbers rest on, for a report: "estimated from the data" or why not. */
    public String source() {
        return identified ? "estimated from the data" : "not identified: " + note;
    }

    /** ln(m(d) / m_th) for a particle of this diameter, under the fitted relation. */
    public double logMassRatio(double nm) {
        return Math.log(inFocusMassAtReference / massThreshold) + exponent * Math.log(nm / referenceNm);
    }

    /**
     * The depth of the detection layer of a particle of this diameter relative to the depth of field,
     * z_det(d) / dof = √(2 · max(ln(m(d) / m_th), {@value #MIN_LOG_MASS_RATIO})).
     *
     * @throws IllegalStateException when the exponent is not identified
     */
    public double relativeDepth(double nm) {
        if (!identified) throw new IllegalStateException("the brightness-size relation was not identified: " + note);
        return Math.sqrt(2 * Math.max(logMassRatio(nm), MIN_LOG_MASS_RATIO));
    }

    /** The share of {@code particles} below {@link #NEAR_LIMIT_FACTOR} · d_min; NaN when not identified. */
    public double fractionNearLimit(NumberDistribution particles) {
        if (!identified) return Double.NaN;
        return particles.cdf(NEAR_LIMIT_FACTOR * smallestDetectableNm);
    }

    /**
     * The warning for a scientist when a material share ({@value #MATERIAL_FRACTION}) of {@code particles}
     * lies below {@link #NEAR_LIMIT_FACTOR} · d_min; empty otherwise or when not identified.
     *
     * @param depthCorrected whether the distribution was corrected for the size-dependent detection depth
     */
    public Optional<String> warning(NumberDistribution particles, boolean depthCorrected) {
        double near = fractionNearLimit(particles);
        if (!(near >= MATERIAL_FRACTION)) return Optional.empty();
        double edge = NEAR_LIMIT_FACTOR * smallestDetectableNm;
        String remedy = depthCorrected
                ? "the distribution was corrected for the thinner detection layer of small particles (a model: Gaussian focus profile), "
                        + "but not for those never detected; "
                : "";
        return Optional.of(String.format(Locale.ROOT,
                "particles below ~%.0f nm are under-counted: at this threshold the smallest detectable particle is ~%.0f nm "
                        + "(brightness ∝ d^%.1f ± %.1f, measured from the tracks), so smaller ones are seen only close to the focal plane "
                        + "or not at all, and %.0f %% of the distribution lies below %.0f nm; %sread the distribution above ~%.0f nm, "
                        + "or lower --threshold-sigma or raise the camera level to see smaller particles",
                edge, smallestDetectableNm, exponent, exponentSe, 100 * near, edge, remedy, edge));
    }
}

package org.exotrace.nta.concentration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The effective detection volume of an NTA set-up, estimated from a measurement of a particle
 * standard of stated concentration (for example 100 nm polystyrene beads). It inverts the
 * concentration formula of {@link ConcentrationEstimator}:
 * <pre>
 *     V [mL] = N / (C_s / D)          (then V [pL] = V [mL] · 1e9)
 * </pre>
 * with {@code N} the mean number of particles per frame over the replicates (videos, or blocks of
 * frames of one video), {@code C_s} the stated concentration of the standard as supplied
 * (particles/mL) and {@code D} the dilution at which it was measured. A sample measured later with
 * the same instrument and settings then has {@code C = N_sample / V · D_sample}.
 *
 * <p><b>Uncertainty.</b> The relative standard uncertainty combines, as for a quotient of
 * independent quantities (GUM, JCGM 100:2008, section 5.1.6), the repeatability of the count and the
 * standard's stated uncertainty:
 * <pre>
 *     u_r(V)² = (s_N / (N · √n))² + u_r(C_s)²
 * </pre>
 * with {@code s_N} the sample standard deviation of the {@code n} replicate means. With one
 * replicate the repeatability is unknown and only {@code u_r(C_s)} is counted; a warning says so,
 * as it does when the stated uncertainty is not given. The dilution is taken as exact.
 *
 * <p><b>Assumptions.</b> Every particle of the standard inside the volume is detected in every
 * frame; the sample is measured with the same camera level, detection threshold, frame rate and
 * optics as the standard (the volume depends on them: in NanoSight exports of 100 nm beads it is
 * about 110 pL at camera level 15 and about 158 pL at level 10); vesicles, which scatter far less
 * light than polystyrene of the same size, may be detected in a smaller volume than the beads, so
 * a bead calibration can underestimate an EV concentration.
 */
public final class DetectionVolumeCalibration {

    private DetectionVolumeCalibration() {
    }

    /**
     * One independent repetition of the count.
     *
     * @param label             what it is, e.g. a video's file name or "frames 0-99"
     * @param particlesPerFrame its mean number of particles per frame, finite and &gt; 0
     */
    public record Replicate(String label, double particlesPerFrame) {
        public Replicate {
            Objects.requireNonNull(label, "label");
            if (!Double.isFinite(particlesPerFrame) || !(particlesPerFrame > 0)) {
                throw new IllegalArgumentException(label + ": particles per frame must be finite and positive, got " + particlesPerFrame);
            }
        }
    }

    /**
     * The estimated detection volume.
     *
     * @param volume                     the effective detection volume
     * @param standardUncertaintyPl      its standard uncertainty, pL
     * @param meanParticlesPerFrame      N, the mean of the replicates
     * @param sdParticlesPerFrame        s_N, their sample standard deviation (0 for one replicate)
     * @param replicates                 the replicates used, in order
     * @param replicateVolumesPl         the volume each replicate alone gives, pL, in the same order
     * @param statedConcentration        C_s of the standard as supplied
     * @param statedRelativeUncertainty  u_r(C_s), 0 when not stated
     * @param dilution                   D at which the standard was measured
     * @param warnings                   what limits the trust in the volume
     */
    public record Result(DetectionVolume volume, double standardUncertaintyPl, double meanParticlesPerFrame,
                         double sdParticlesPerFrame, List<Replicate> replicates, List<Double> replicateVolumesPl,
                         Concentration statedConcentration, double statedRelativeUncertainty, Dilution dilution,
                         List<String> warnings) {

        public Result {
            replicates = List.copyOf(replicates);
            replicateVolumesPl = List.copyOf(replicateVolumesPl);
            warnings = List.copyOf(warnings);
        }

        /** u_r(V), the relative standard uncertainty of the volume. */
        public double relativeUncertainty() {
            return standardUncertaintyPl / volume.picolitres();
        }

        /** "186.0 ± 0.3 pL (k = 1)". */
        public String describe() {
            return String.format(Locale.ROOT, "%.1f ± %.1f pL (standard uncertainty, k = 1)", volume.picolitres(), standardUncertaintyPl);
        }
    }

    /**
     * Estimates the detection volume from replicate counts of a standard.
     *
     * @param replicates                at least one; videos of the standard, or blocks of frames of one video
     * @param stated                    the standard's concentration as supplied, &gt; 0
     * @param statedRelativeUncertainty the supplier's relative standard uncertainty of it (0.05 for 5%), 0 when not stated, below 1
     * @param dilution                  how much the standard was diluted for the measurement
     * @throws IllegalArgumentException when there is no replicate or a number is out of range
     */
    public static Result estimate(List<Replicate> replicates, Concentration stated, double statedRelativeUncertainty, Dilution dilution) {
        Objects.requireNonNull(stated, "stated concentration");
        Objects.requireNonNull(dilution, "dilution");
        if (replicates == null || replicates.isEmpty()) {
            throw new IllegalArgumentException("no replicate: count the standard in at least one video");
        }
        if (!(stated.particlesPerMillilitre() > 0)) {
            throw new IllegalArgumentException("the standard's stated concentration must be positive");
        }
        if (!(statedRelativeUncertainty >= 0 && statedRelativeUncertainty < 1)) {
            throw new IllegalArgumentException("the stated relative uncertainty must be from 0 (not stated) to below 1 (100%), got "
                    + statedRelativeUncertainty);
        }
        int n = replicates.size();
        double mean = replicates.stream().mapToDouble(Replicate::particlesPerFrame).average().orElseThrow();
        double sd = 0;
        if (n > 1) {
            double ss = 0;
            for (Replicate r : replicates) ss += (r.particlesPerFrame() - mean) * (r.particlesPerFrame() - mean);
            sd = Math.sqrt(ss / (n - 1));
        }
        double measuredPerMl = stated.particlesPerMillilitre() / dilution.factor();
        double volumePl = mean / measuredPerMl * 1e9;
        double repeatability = n > 1 ? sd / (mean * Math.sqrt(n)) : 0;
        double relative = Math.sqrt(repeatability * repeatability + statedRelativeUncertainty * statedRelativeUncertainty);
        List<Double> perReplicate = replicates.stream().map(r -> r.particlesPerFrame() / measuredPerMl * 1e9).toList();
        List<String> warnings = new ArrayList<>();
        if (n == 1) {
            warnings.add("one replicate: the repeatability of the count is not known and not in the uncertainty; measure three or more videos");
        }
        if (statedRelativeUncertainty == 0) {
            warnings.add("the standard's stated uncertainty was not given: the uncertainty counts the repeatability of the count only");
        }
        return new Result(DetectionVolume.ofPicolitres(volumePl), relative * volumePl, mean, sd, replicates, perReplicate, stated,
                statedRelativeUncertainty, dilution, warnings);
    }
}

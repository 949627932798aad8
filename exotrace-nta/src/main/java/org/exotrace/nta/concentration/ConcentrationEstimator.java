package org.exotrace.nta.concentration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Particle number concentration of the sample:
 * <pre>
 *     C [particles/mL] = (mean particles per frame) / (detection volume [pL] · 1e-9 mL/pL) · dilution factor
 * </pre>
 * (domain notes, "Concentration"; the NanoSight and ZetaView definition).
 *
 * <p>Assumptions: every particle in the detection volume is detected and counted in every frame
 * (no detection bias against small, dim particles); the detection volume is calibrated for this
 * instrument, camera level and particle type; the suspension is homogeneous and steady.
 *
 * <p>A warning is added when the mean number of particles per frame falls outside the valid
 * window [{@code minParticlesPerFrame}, {@code maxParticlesPerFrame}]. The default window of 20 to
 * 100 particles per frame is UNVERIFIED: it follows common NanoSight practice, not a primary source.
 *
 * @param minParticlesPerFrame lower end of the valid window, &gt;= 0
 * @param maxParticlesPerFrame upper end of the valid window, &gt; min
 */
public record ConcentrationEstimator(double minParticlesPerFrame, double maxParticlesPerFrame) {

    /** Window 20 to 100 particles per frame (UNVERIFIED default). */
    public static final ConcentrationEstimator DEFAULT = new ConcentrationEstimator(20, 100);

    public ConcentrationEstimator {
        if (!(minParticlesPerFrame >= 0) || !(maxParticlesPerFrame > minParticlesPerFrame) || Double.isInfinite(minParticlesPerFrame)) {
            throw new IllegalArgumentException("valid window needs 0 <= min < max particles per frame, got "
                    + minParticlesPerFrame + " to " + maxParticlesPerFrame);
        }
    }

    /**
     * @param concentration          particles per mL of the sample (dilution applied)
     * @param meanParticlesPerFrame  the mean count used
     * @param frames                 frames averaged (0 when a mean was given directly)
     * @param warnings               reasons not to trust the value; empty when inside the window
     */
    public record Result(Concentration concentration, double meanParticlesPerFrame, int frames,
                         List<ConcentrationWarning> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** From the number of particles counted in the analysed region in each frame. */
    public Result estimate(int[] particlesPerFrame, DetectionVolume volume, Dilution dilution) {
        if (particlesPerFrame.length == 0) throw new IllegalArgumentException("no frames to average");
        long sum = 0;
        for (int c : particlesPerFrame) {
            if (c < 0) throw new IllegalArgumentException("a particle count cannot be negative: " + c);
            sum += c;
        }
        return estimate((double) sum / particlesPerFrame.length, particlesPerFrame.length, volume, dilution);
    }

    /** From a mean number of particles per frame computed elsewhere. */
    public Result estimate(double meanParticlesPerFrame, DetectionVolume volume, Dilution dilution) {
        return estimate(meanParticlesPerFrame, 0, volume, dilution);
    }

    private Result estimate(double mean, int frames, DetectionVolume volume, Dilution dilution) {
        Objects.requireNonNull(volume, "detection volume");
        Objects.requireNonNull(dilution, "dilution");
        if (!Double.isFinite(mean) || mean < 0) {
            throw new IllegalArgumentException("mean particles per frame must be finite and >= 0, got " + mean);
        }
        List<ConcentrationWarning> warnings = new ArrayList<>();
        if (mean < minParticlesPerFrame) {
            warnings.add(new ConcentrationWarning(ConcentrationWarning.Kind.TOO_FEW_PARTICLES, String.format(Locale.ROOT,
                    "%.1f particles per frame is below the valid minimum of %.1f: counting noise dominates; measure a less diluted sample",
                    mean, minParticlesPerFrame)));
        }
        if (mean > maxParticlesPerFrame) {
            warnings.add(new ConcentrationWarning(ConcentrationWarning.Kind.TOO_MANY_PARTICLES, String.format(Locale.ROOT,
                    "%.1f particles per frame is above the valid maximum of %.1f: tracks overlap and are lost; dilute the sample further",
                    mean, maxParticlesPerFrame)));
        }
        double perMl = mean / volume.millilitres() * dilution.factor();
        return new Result(Concentration.perMillilitre(perMl), mean, frames, warnings);
    }
}

package org.exotrace.nta.link;

import java.util.Locale;

/**
 * How features are joined into tracks.
 *
 * @param searchRadiusPx the farthest a particle may move between consecutive frames, px; after a
 *                       gap of g frames the radius grows as √g, as a diffusive step does
 * @param memoryFrames   how many frames in a row a particle may go undetected and still continue
 *                       its track (gap closing); 0 links consecutive frames only
 * @param maxSubnetSize  the most tracks or features one assignment problem may hold before the
 *                       radius is narrowed for that cluster (dense fields)
 */
public record LinkSettings(double searchRadiusPx, int memoryFrames, int maxSubnetSize) {

    /** Probability that a particle of the fastest expected diffusion steps beyond the search radius. */
    public static final double MISS_PROBABILITY = 1e-4;
    /** Clusters larger than this are narrowed: the exact assignment costs grow as its cube. */
    public static final int DEFAULT_MAX_SUBNET = 60;

    public LinkSettings {
        if (!(searchRadiusPx > 0 && searchRadiusPx <= 1000)) {
            throw new IllegalArgumentException("search radius must be between 0 and 1,000 pixels, not " + searchRadiusPx);
        }
        if (memoryFrames < 0 || memoryFrames > 50) throw new IllegalArgumentException("memory must be 0 to 50 frames, not " + memoryFrames);
        if (maxSubnetSize < 2 || maxSubnetSize > 1000) throw new IllegalArgumentException("largest subnet must be 2 to 1,000, not " + maxSubnetSize);
    }

    /**
     * The radius a particle of diffusion coefficient {@code maxDiffusionUm2PerS} exceeds in one
     * frame with probability {@link #MISS_PROBABILITY}: a 2-D Brownian displacement r has
     * P(r &gt; ρ) = exp(−ρ² / (4DΔt)), so ρ = √(4DΔt · ln(1/p)).
     */
    public static LinkSettings fromDiffusion(double maxDiffusionUm2PerS, double frameSeconds, double pixelSizeUm, int memoryFrames) {
        if (!(maxDiffusionUm2PerS > 0) || !(frameSeconds > 0) || !(pixelSizeUm > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "diffusion (%s µm²/s), frame time (%s s) and pixel size (%s µm) must all be positive", maxDiffusionUm2PerS, frameSeconds,
                    pixelSizeUm));
        }
        double radiusUm = Math.sqrt(4 * maxDiffusionUm2PerS * frameSeconds * Math.log(1 / MISS_PROBABILITY));
        return new LinkSettings(Math.min(1000, radiusUm / pixelSizeUm), memoryFrames, DEFAULT_MAX_SUBNET);
    }
}

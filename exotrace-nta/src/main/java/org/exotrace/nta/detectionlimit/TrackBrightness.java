package org.exotrace.nta.detectionlimit;

/**
 * How bright one track's particle was, from the integrated intensities (masses) the detector
 * measured at its positions.
 *
 * @param positions          positions with a positive mass
 * @param meanLogMass        mean over those positions of ln(mass), mass in the detector's camera units
 * @param saturatedPositions positions whose feature had a saturated pixel: their mass is clipped, a
 *                           lower bound of the true one, and so is {@link #meanLogMass} when this is
 *                           not zero
 */
public record TrackBrightness(int positions, double meanLogMass, int saturatedPositions) {

    /** The summary of a track's masses (non-positive masses, possible only from noise, are left out). */
    public static TrackBrightness of(float[] masses, int saturatedPositions) {
        double sum = 0;
        int n = 0;
        for (float m : masses) {
            if (m > 0) {
                sum += Math.log(m);
                n++;
            }
        }
        return new TrackBrightness(n, n == 0 ? Double.NaN : sum / n, saturatedPositions);
    }

    /** Whether {@link #meanLogMass} is only a lower bound (some positions were saturated). */
    public boolean censored() {
        return saturatedPositions > 0;
    }
}

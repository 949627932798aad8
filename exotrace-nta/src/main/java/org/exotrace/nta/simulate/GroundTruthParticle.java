package org.exotrace.nta.simulate;

/**
 * The truth about one particle of a {@link VideoRenderer} video. A particle lives in the rendered
 * volume for the whole video (it dims out of focus and leaves the field, but keeps its id), so one
 * particle may give several tracks.
 *
 * <p>Positions are recorded only when the renderer was built with
 * {@link VideoRenderer.Builder#recordPositions(boolean)}; they are filled as frames are rendered
 * (NaN for a frame not rendered yet). x and y are the centroid of the spot drawn in that frame (the
 * mean position over the exposure), in px with (0, 0) the centre of the top-left pixel; z is the
 * mean height over the exposure, µm from the focal plane.
 *
 * @param id               0-based particle number
 * @param diameterNm       hydrodynamic diameter, nm
 * @param diffusionUm2PerS its Stokes-Einstein diffusion coefficient, µm²/s
 * @param massCounts       integrated intensity of its spot in focus (z = 0), camera counts
 * @param xPx              exposure-centroid x per frame, px (empty when not recorded)
 * @param yPx              exposure-centroid y per frame, px (empty when not recorded)
 * @param zUm              exposure-mean z per frame, µm (empty when not recorded)
 */
public record GroundTruthParticle(long id, double diameterNm, double diffusionUm2PerS, double massCounts,
                                  float[] xPx, float[] yPx, float[] zUm) {

    /** Whether positions per frame were recorded. */
    public boolean hasPositions() {
        return xPx.length > 0;
    }
}

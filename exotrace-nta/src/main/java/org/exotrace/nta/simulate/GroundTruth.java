package org.exotrace.nta.simulate;

/**
 * The truth about one simulated track.
 *
 * @param particle         the track id given to the {@link PositionListener}
 * @param diameterNm       the particle's hydrodynamic diameter, nm
 * @param diffusionUm2PerS its Stokes-Einstein diffusion coefficient, µm²/s
 * @param firstFrame       the first frame it was observed in
 * @param lastFrame        the last frame it was observed in (inclusive)
 * @param end              why the track ended
 */
public record GroundTruth(long particle, double diameterNm, double diffusionUm2PerS, int firstFrame, int lastFrame,
                          End end) {

    /** Why a track ended. */
    public enum End {
        /** the particle left the light sheet (|z| ≥ thickness / 2) */
        LEFT_SHEET,
        /** the particle left the field of view in x or y */
        LEFT_FIELD,
        /** the simulation stopped while the particle was still observed */
        RUN_ENDED
    }

    /** Number of positions in the track (steps + 1). */
    public int positions() {
        return lastFrame - firstFrame + 1;
    }
}

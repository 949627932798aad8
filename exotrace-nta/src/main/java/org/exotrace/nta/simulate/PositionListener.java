package org.exotrace.nta.simulate;

/** Receives simulated localizations in frame order, as a tracker's output would list them. */
@FunctionalInterface
public interface PositionListener {

    /**
     * @param frame    the frame index, from 0
     * @param particle the track id (a particle that leaves and comes back gets a new id, as a linker
     *                 without gap closing would give)
     * @param xUm      the measured x, µm (blurred, with localization noise)
     * @param yUm      the measured y, µm
     */
    void position(int frame, long particle, double xUm, double yUm);
}

package org.exotrace.nta.io;

/**
 * Receives particle positions one at a time, in file order, so that a trajectory file of any
 * length can be consumed without holding it in memory.
 *
 * <p>Positions are always in micrometres, whatever the unit of the file they came from.
 */
@FunctionalInterface
public interface PositionSink {

    /**
     * One localisation of one particle.
     *
     * @param frame    zero-based frame index (never negative)
     * @param particle the track id the linker gave this particle
     * @param xUm      x position in µm (finite)
     * @param yUm      y position in µm (finite)
     */
    void position(int frame, long particle, double xUm, double yUm);
}

/**
 * Particle number concentration from the mean number of particles per frame, an explicit detection
 * volume and the sample's dilution, with warnings when particles per frame fall outside the window
 * in which the count is trusted (as NanoSight's "Concentration Warnings"); and the detection volume
 * itself, estimated from a measured particle standard of stated concentration
 * ({@link org.exotrace.nta.concentration.DetectionVolumeCalibration}), from a NanoSight export
 * ({@link org.exotrace.nta.concentration.NanoSightCalibration}) or a trajectory file counted frame by
 * frame ({@link org.exotrace.nta.concentration.FrameCounts}).
 */
package org.exotrace.nta.concentration;

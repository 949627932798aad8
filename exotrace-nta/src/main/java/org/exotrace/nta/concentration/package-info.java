/**
 * Particle number concentration from the mean number of particles per frame, an explicit detection
 * volume and the sample's dilution, with warnings when particles per frame fall outside the window
 * in which the count is trusted (as NanoSight's "Concentration Warnings").
 */
package org.exotrace.nta.concentration;

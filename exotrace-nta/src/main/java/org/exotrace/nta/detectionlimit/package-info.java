/**
 * How brightness grows with size, measured from the tracks of a video, and what follows from it:
 * the smallest particle the detector can see at its threshold, a warning when part of the size
 * distribution lies close to that limit, and the size-dependent depth of the layer in which
 * particles are detected, as a sampling model for the size distribution.
 */
package org.exotrace.nta.detectionlimit;

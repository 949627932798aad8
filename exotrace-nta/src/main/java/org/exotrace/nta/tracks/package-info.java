/**
 * From a stream of positions to per-track steps: positions are grouped by particle in primitive
 * arrays (no object per position), the ensemble drift per frame is estimated from all tracks and
 * subtracted, and each track's frame-to-frame steps are handed to the per-track estimators.
 */
package org.exotrace.nta.tracks;

/**
 * The whole measurement in one call: read tracks, estimate and subtract drift, find the motion
 * blur (stated, from the exposure, or estimated from the tracks), estimate the localization error
 * over the ensemble, estimate each track's diffusion coefficient, deconvolve
 * the size distribution (or bin the naive histogram), compute statistics with bootstrap
 * intervals and, given a detection volume, the concentration. The settings used are returned
 * with the result so that anyone can re-run it and get the same numbers.
 */
package org.exotrace.nta.analysis;

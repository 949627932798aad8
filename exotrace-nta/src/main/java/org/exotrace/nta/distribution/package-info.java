/**
 * From many noisy per-track diffusion measurements to the number distribution of particle
 * diameters: a diameter grid, the maximum-likelihood deconvolution of Walker (2012) with a
 * correction for size-dependent track sampling, the naive per-track histogram for comparison,
 * summary statistics (mean, mode, SD, D10, D50, D90) with bootstrap confidence intervals, and the
 * 1-D Wasserstein distance used to compare estimates against a known truth.
 */
package org.exotrace.nta.distribution;

/**
 * Per-track diffusion coefficients from drift-corrected frame-to-frame steps, with localization
 * error and camera motion blur taken into account: the covariance estimator (CVE), least squares
 * on the first points of the MSD curve, the exact Gaussian maximum likelihood estimator, the
 * Cramér-Rao bound they are judged against, and an ensemble estimate of the localization variance
 * that lets the library's default estimator reach that bound on short tracks.
 *
 * <p>Model shared by every estimator (Berglund, Phys. Rev. E 82, 011917, 2010): per axis, the
 * observed position is the true position averaged over the exposure plus independent Gaussian
 * noise of variance σ². The k increments Δx<sub>n</sub> are then jointly Gaussian with
 * <pre>
 *   Var(Δx_n)            = 2 D dt (1 - 2R) + 2 σ²
 *   Cov(Δx_n, Δx_{n+1})  = 2 R D dt - σ²
 *   Cov(Δx_n, Δx_{n+m})  = 0 for m ≥ 2
 * </pre>
 * where R is the motion-blur coefficient (0 for an instantaneous exposure, tE/(6 dt) for a uniform
 * exposure of length tE ≤ dt, at most 1/4). Both axes are independent samples of the same
 * process. Lengths are in µm, times in s, D in µm²/s, σ² in µm² (per axis).
 */
package org.exotrace.nta.diffusion;

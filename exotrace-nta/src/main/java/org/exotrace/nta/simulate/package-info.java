/**
 * Seeded, deterministic synthetic ground truth for the estimators and the sizing pipeline:
 * Brownian dynamics of spheres in a light sheet ({@link org.exotrace.nta.simulate.BrownianSimulator}),
 * size distributions with exact quantiles ({@link org.exotrace.nta.simulate.SizeDistribution}),
 * increment-only tracks for estimator tests ({@link org.exotrace.nta.simulate.TrackSteps}), and raw
 * NTA videos rendered frame by frame for detection and linking
 * ({@link org.exotrace.nta.simulate.VideoRenderer}, presets in {@link org.exotrace.nta.simulate.Scenarios}).
 *
 * <p>Camera motion blur is simulated, not assumed: the reported position is the average of the true
 * position over the exposure, integrated exactly over each sub-step (the increment of Brownian
 * motion over a sub-step of length h and its time integral are jointly Gaussian with
 * Var(W) = 2Dh, Var(∫) = 2Dh³/3, Cov = Dh²), which is a continuous uniform shutter with motion-blur
 * coefficient R = tE / (6 dt) (Berglund, Phys. Rev. E 82, 011917, 2010). Lengths in µm, times in s.
 */
package org.exotrace.nta.simulate;

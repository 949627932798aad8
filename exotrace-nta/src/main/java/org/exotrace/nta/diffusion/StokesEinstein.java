package org.exotrace.nta.diffusion;

/**
 * Stokes-Einstein relation between a sphere's hydrodynamic diameter and its diffusion coefficient:
 * <pre>
 *   D = k_B T / (3 π η d)
 * </pre>
 * with k_B = 1.380649e-23 J/K (exact, SI 2019), T in K, η in Pa·s, d in m. This class takes d in
 * nm and gives D in µm²/s. Assumptions: a rigid sphere in a Newtonian fluid at low Reynolds number,
 * far from walls. Worked example: d = 100 nm in water at 22 °C (η = 0.955 mPa·s) gives
 * D = 4.53 µm²/s.
 */
public final class StokesEinstein {

    /** Boltzmann constant, J/K. */
    public static final double BOLTZMANN = 1.380649e-23;

    private StokesEinstein() {
    }

    /** D in µm²/s for a diameter in nm, temperature in K and viscosity in Pa·s. */
    public static double diffusionUm2PerS(double diameterNm, double temperatureKelvin, double viscosityPaS) {
        check(diameterNm, temperatureKelvin, viscosityPaS);
        return BOLTZMANN * temperatureKelvin / (3 * Math.PI * viscosityPaS * diameterNm * 1e-9) * 1e12;
    }

    /** Diameter in nm for D in µm²/s, temperature in K and viscosity in Pa·s. */
    public static double diameterNm(double diffusionUm2PerS, double temperatureKelvin, double viscosityPaS) {
        check(diffusionUm2PerS, temperatureKelvin, viscosityPaS);
        return BOLTZMANN * temperatureKelvin / (3 * Math.PI * viscosityPaS * diffusionUm2PerS * 1e-12) * 1e9;
    }

    private static void check(double size, double t, double eta) {
        if (!(size > 0) || !(t > 0) || !(eta > 0)) {
            throw new IllegalArgumentException("size, temperature and viscosity must be positive: " + size + ", " + t + ", " + eta);
        }
    }
}

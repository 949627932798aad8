package org.exotrace.nta.sizing;

import java.util.Objects;

/**
 * The Stokes-Einstein relation between the translational diffusion coefficient of a sphere and
 * its hydrodynamic diameter:
 *
 * <pre>
 *     D = kB · T / (3 · π · η · d)        d = kB · T / (3 · π · η · D)
 * </pre>
 *
 * with kB = 1.380649e-23 J/K (exact, SI 2019), T in K, η in Pa·s, d in m and D in m²/s.
 *
 * <p>Assumptions: a rigid sphere, no-slip boundary, a dilute suspension (no hydrodynamic
 * interaction), far from walls, Newtonian liquid of the given viscosity at the given temperature.
 * For a non-spherical particle the result is the diameter of the sphere that diffuses equally fast.
 *
 * <p>Reference: A. Einstein, Ann. Phys. 17, 549 (1905); G. G. Stokes, Trans. Camb. Phil. Soc. 9
 * (1851). Example (domain notes): d = 100 nm, 22 °C, η = 0.955 mPa·s gives D = 4.53 µm²/s.
 *
 * @param temperature the sample temperature
 * @param viscosity   the liquid's viscosity (its {@link Viscosity#source()} names the model)
 */
public record StokesEinstein(Temperature temperature, Viscosity viscosity) {

    /** Boltzmann constant, J/K (exact). */
    public static final double BOLTZMANN = 1.380649e-23;

    public StokesEinstein {
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(viscosity, "viscosity");
    }

    /** Stokes-Einstein in water at {@code temperature}, with the viscosity from {@code model}. */
    public static StokesEinstein inWater(Temperature temperature, WaterModel model) {
        return new StokesEinstein(temperature, model.viscosityAt(temperature));
    }

    /** D · d, in µm²/s · nm: the constant kB T / (3 π η) in the units the library works in. */
    public double diffusionTimesDiameter() {
        return BOLTZMANN * temperature.kelvin() / (3 * Math.PI * viscosity.pascalSeconds()) * 1e21;
    }

    public DiffusionCoefficient diffusionOf(Diameter diameter) {
        if (!(diameter.nanometres() > 0)) throw new IllegalArgumentException("diameter must be positive: " + diameter);
        return new DiffusionCoefficient(diffusionTimesDiameter() / diameter.nanometres());
    }

    public Diameter diameterOf(DiffusionCoefficient diffusion) {
        return new Diameter(diffusionTimesDiameter() / diffusion.squareMicrometresPerSecond());
    }

    /** Primitive form for inner loops: D in µm²/s of a sphere of {@code diameterNm} nm. */
    public double diffusionUm2PerS(double diameterNm) {
        return diffusionTimesDiameter() / diameterNm;
    }

    /** Primitive form for inner loops: diameter in nm of a sphere with D = {@code diffusionUm2PerS} µm²/s. */
    public double diameterNm(double diffusionUm2PerS) {
        return diffusionTimesDiameter() / diffusionUm2PerS;
    }
}

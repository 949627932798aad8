package org.exotrace.nta.sizing;

/**
 * Empirical models of the viscosity of liquid water as a function of absolute temperature T (K),
 * valid for liquid water only (0 °C to 100 °C; refused outside).
 *
 * <p>Vendors differ by about 1.2% in water viscosity, which goes straight into the diameter.
 * Against logged vendor values, {@link #VOGEL} is +0.19% against NanoSight and -1.05% against
 * ZetaView (UNVERIFIED, from the project's domain notes). Always record which model was used;
 * {@link Viscosity#source()} carries the model's name.
 */
public enum WaterModel {

    /** Vogel form: η = 2.414e-5 · 10^(247.8 / (T − 140)) Pa·s. */
    VOGEL {
        @Override
        double pascalSeconds(double kelvin) {
            return 2.414e-5 * Math.pow(10, 247.8 / (kelvin - 140));
        }
    },

    /** Alternative Vogel form: η = exp(−3.7188 + 578.919 / (T − 137.546)) mPa·s. */
    VOGEL_ALT {
        @Override
        double pascalSeconds(double kelvin) {
            return 1e-3 * Math.exp(-3.7188 + 578.919 / (kelvin - 137.546));
        }
    };

    /**
     * Relative disagreement between vendors' water viscosities that this library treats as
     * normal (about 1.2%, from the domain notes; UNVERIFIED).
     */
    public static final double TYPICAL_MODEL_DISAGREEMENT = 0.012;

    abstract double pascalSeconds(double kelvin);

    /**
     * @throws IllegalArgumentException if the temperature is outside 0 °C to 100 °C
     */
    public Viscosity viscosityAt(Temperature temperature) {
        temperature.requireLiquidWater();
        return new Viscosity(pascalSeconds(temperature.kelvin()), name());
    }
}

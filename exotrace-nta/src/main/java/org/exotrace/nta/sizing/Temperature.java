package org.exotrace.nta.sizing;

/**
 * A thermodynamic temperature of the sample.
 *
 * <p>Created from degrees Celsius (what instruments log); {@link #kelvin()} is what the physics
 * uses. Any temperature above absolute zero can be represented; the water viscosity models
 * additionally require liquid water, see {@link #requireLiquidWater()}.
 *
 * @param kelvin absolute temperature in K, finite and &gt; 0
 */
public record Temperature(double kelvin) {

    /** Offset between the Celsius and the kelvin scale, K. */
    public static final double ZERO_CELSIUS_IN_KELVIN = 273.15;

    public Temperature {
        if (!Double.isFinite(kelvin) || !(kelvin > 0)) {
            throw new IllegalArgumentException("temperature must be finite and above absolute zero, got " + kelvin + " K");
        }
    }

    public static Temperature ofCelsius(double celsius) {
        if (!Double.isFinite(celsius)) throw new IllegalArgumentException("temperature must be finite, got " + celsius + " °C");
        return new Temperature(celsius + ZERO_CELSIUS_IN_KELVIN);
    }

    public static Temperature ofKelvin(double kelvin) {
        return new Temperature(kelvin);
    }

    public double celsius() {
        return kelvin - ZERO_CELSIUS_IN_KELVIN;
    }

    /**
     * Refuses a temperature at which water (at 1 atm) is not liquid, i.e. outside 0 °C to 100 °C.
     *
     * @return this temperature
     * @throws IllegalArgumentException with the offending value and the valid range
     */
    public Temperature requireLiquidWater() {
        double c = celsius();
        if (c < 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%.2f °C is below the freezing point of water (0 °C): a water viscosity model does not apply", c));
        }
        if (c > 100) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%.2f °C is above the boiling point of water (100 °C): a water viscosity model does not apply", c));
        }
        return this;
    }
}

package org.exotrace.nta.sizing;

import java.util.Objects;

/**
 * Dynamic viscosity of the liquid the particles diffuse in, with the name of where it came from
 * (a {@link WaterModel} or a user-given value) so that a result can say which model was used.
 *
 * @param pascalSeconds viscosity in Pa·s, finite and &gt; 0
 * @param source        how the value was obtained, e.g. {@code "VOGEL"} or {@code "user-given"}
 */
public record Viscosity(double pascalSeconds, String source) {

    /** The source recorded for a viscosity given directly by the user (buffers are not water). */
    public static final String USER_GIVEN = "user-given";

    public Viscosity {
        if (!Double.isFinite(pascalSeconds) || !(pascalSeconds > 0)) {
            throw new IllegalArgumentException("viscosity must be finite and positive, got " + pascalSeconds + " Pa·s");
        }
        Objects.requireNonNull(source, "source");
    }

    public static Viscosity ofPascalSeconds(double pascalSeconds) {
        return new Viscosity(pascalSeconds, USER_GIVEN);
    }

    public static Viscosity ofMillipascalSeconds(double millipascalSeconds) {
        return new Viscosity(millipascalSeconds * 1e-3, USER_GIVEN);
    }

    /** Centipoise, the unit NanoSight logs; 1 cP = 1 mPa·s. */
    public static Viscosity ofCentipoise(double centipoise) {
        return ofMillipascalSeconds(centipoise);
    }

    /** Viscosity of water at {@code temperature} from the named {@code model}. */
    public static Viscosity ofWater(WaterModel model, Temperature temperature) {
        return model.viscosityAt(temperature);
    }

    public double millipascalSeconds() {
        return pascalSeconds * 1e3;
    }
}

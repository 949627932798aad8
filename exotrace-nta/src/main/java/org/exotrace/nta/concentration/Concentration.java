package org.exotrace.nta.concentration;

/**
 * A particle number concentration.
 *
 * @param particlesPerMillilitre particles per mL, finite and &gt;= 0
 */
public record Concentration(double particlesPerMillilitre) {

    public Concentration {
        if (!Double.isFinite(particlesPerMillilitre) || particlesPerMillilitre < 0) {
            throw new IllegalArgumentException("concentration must be finite and >= 0, got " + particlesPerMillilitre + " /mL");
        }
    }

    public static Concentration perMillilitre(double particles) {
        return new Concentration(particles);
    }

    public double particlesPerMicrolitre() {
        return particlesPerMillilitre * 1e-3;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.3e particles/mL", particlesPerMillilitre);
    }
}

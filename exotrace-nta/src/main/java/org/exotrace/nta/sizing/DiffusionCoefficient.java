package org.exotrace.nta.sizing;

/**
 * A translational diffusion coefficient.
 *
 * @param squareMicrometresPerSecond D in µm²/s, finite and &gt; 0
 */
public record DiffusionCoefficient(double squareMicrometresPerSecond) {

    public DiffusionCoefficient {
        if (!Double.isFinite(squareMicrometresPerSecond) || !(squareMicrometresPerSecond > 0)) {
            throw new IllegalArgumentException("diffusion coefficient must be finite and positive, got "
                    + squareMicrometresPerSecond + " µm²/s");
        }
    }

    public static DiffusionCoefficient ofSquareMicrometresPerSecond(double value) {
        return new DiffusionCoefficient(value);
    }

    public static DiffusionCoefficient ofSquareMetresPerSecond(double value) {
        return new DiffusionCoefficient(value * 1e12);
    }

    public double squareMetresPerSecond() {
        return squareMicrometresPerSecond * 1e-12;
    }
}

package org.exotrace.nta.sizing;

/**
 * A (hydrodynamic) particle diameter.
 *
 * @param nanometres diameter in nm, finite and &gt;= 0
 */
public record Diameter(double nanometres) implements Comparable<Diameter> {

    public Diameter {
        if (!Double.isFinite(nanometres) || nanometres < 0) {
            throw new IllegalArgumentException("diameter must be finite and >= 0, got " + nanometres + " nm");
        }
    }

    public static Diameter ofNanometres(double nanometres) {
        return new Diameter(nanometres);
    }

    public static Diameter ofMicrometres(double micrometres) {
        return new Diameter(micrometres * 1e3);
    }

    public double metres() {
        return nanometres * 1e-9;
    }

    public double micrometres() {
        return nanometres * 1e-3;
    }

    @Override
    public int compareTo(Diameter other) {
        return Double.compare(nanometres, other.nanometres);
    }

    @Override
    public String toString() {
        return nanometres + " nm";
    }
}

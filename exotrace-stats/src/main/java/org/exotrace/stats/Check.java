package org.exotrace.stats;

/** Input checks whose messages say what to correct. */
final class Check {

    private Check() {
    }

    static void finite(String name, double[] x) {
        if (x == null) throw new IllegalArgumentException(name + " is missing");
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + x[i] + ": every value must be a finite number");
            }
        }
    }

    static void atLeast(String name, double[] x, int min) {
        finite(name, x);
        if (x.length < min) {
            throw new IllegalArgumentException(name + " has " + x.length + " value" + (x.length == 1 ? "" : "s")
                    + ": at least " + min + " are needed");
        }
    }

    static void pairs(String nameX, double[] x, String nameY, double[] y, int min) {
        finite(nameX, x);
        finite(nameY, y);
        if (x.length != y.length) {
            throw new IllegalArgumentException("lengths differ: " + nameX + " has " + x.length + " values, "
                    + nameY + " has " + y.length + "; they must be paired one to one");
        }
        if (x.length < min) {
            throw new IllegalArgumentException("fewer than " + min + " pairs (" + x.length + " given)");
        }
    }

    static void count(int x, int n) {
        if (n < 1) throw new IllegalArgumentException("n = " + n + ": the number of trials must be at least 1");
        if (x < 0 || x > n) throw new IllegalArgumentException("x = " + x + " must lie between 0 and n = " + n);
    }

    static String smallSample(int n) {
        return "n = " + n + " is small: intervals are wide and the normal approximation is rough";
    }
}

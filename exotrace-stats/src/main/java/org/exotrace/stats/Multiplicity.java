package org.exotrace.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Adjustment of p-values for several comparisons. */
public final class Multiplicity {

    private Multiplicity() {
    }

    /**
     * Holm's step-down adjustment (Holm 1979, Scand J Stat 6:65): with the m p-values in ascending order
     * p(1) <= ... <= p(m), adjusted p(i) = max over j <= i of min(1, (m - j + 1) p(j)). The answer is in
     * the order of the input, monotone in the raw p-values and capped at 1 (R's p.adjust "holm").
     *
     * @throws IllegalArgumentException when a p-value is missing or outside 0..1
     */
    public static double[] holm(double[] p) {
        if (p == null) throw new IllegalArgumentException("the p-values are missing");
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) throw new IllegalArgumentException("p[" + i + "] = " + p[i] + " must lie between 0 and 1");
        }
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}

package org.exotrace.nta.distribution;

import java.util.Arrays;

/**
 * An increasing grid of diameters (nodes, in nm) on which a number distribution is represented,
 * each node standing for the bin between its edges. Log-spaced grids put bin edges at the geometric
 * midpoints between nodes (and half a log-step beyond the end nodes); linear grids at the
 * arithmetic midpoints (and half a step beyond the ends).
 */
public final class DiameterGrid {

    private final double[] nodes;
    private final double[] edges;
    private final boolean logSpaced;

    private DiameterGrid(double[] nodes, double[] edges, boolean logSpaced) {
        this.nodes = nodes;
        this.edges = edges;
        this.logSpaced = logSpaced;
    }

    /** {@code points} nodes from {@code minNm} to {@code maxNm} inclusive, evenly spaced in ln d. */
    public static DiameterGrid logSpaced(double minNm, double maxNm, int points) {
        check(minNm, maxNm, points);
        double step = Math.log(maxNm / minNm) / (points - 1);
        double[] nodes = new double[points];
        for (int i = 0; i < points; i++) nodes[i] = minNm * Math.exp(step * i);
        nodes[points - 1] = maxNm;
        double[] edges = new double[points + 1];
        for (int i = 0; i <= points; i++) edges[i] = minNm * Math.exp(step * (i - 0.5));
        return new DiameterGrid(nodes, edges, true);
    }

    /** {@code points} nodes from {@code minNm} to {@code maxNm} inclusive, evenly spaced in d. */
    public static DiameterGrid linear(double minNm, double maxNm, int points) {
        check(minNm, maxNm, points);
        double step = (maxNm - minNm) / (points - 1);
        double[] nodes = new double[points];
        for (int i = 0; i < points; i++) nodes[i] = minNm + step * i;
        nodes[points - 1] = maxNm;
        double[] edges = new double[points + 1];
        for (int i = 0; i <= points; i++) edges[i] = minNm + step * (i - 0.5);
        if (edges[0] <= 0) edges[0] = nodes[0] / 2;
        return new DiameterGrid(nodes, edges, false);
    }

    private static void check(double minNm, double maxNm, int points) {
        if (!(minNm > 0) || !(maxNm > minNm) || !Double.isFinite(maxNm)) {
            throw new IllegalArgumentException("grid needs 0 < min < max, got " + minNm + " nm to " + maxNm + " nm");
        }
        if (points < 2) throw new IllegalArgumentException("grid needs at least 2 points, got " + points);
    }

    public int size() {
        return nodes.length;
    }

    /** Node i, in nm. */
    public double nanometres(int i) {
        return nodes[i];
    }

    /** Lower edge of bin i (i = size() gives the upper edge of the last bin), in nm. */
    public double edge(int i) {
        return edges[i];
    }

    public double binWidth(int i) {
        return edges[i + 1] - edges[i];
    }

    public boolean isLogSpaced() {
        return logSpaced;
    }

    public double[] nodes() {
        return nodes.clone();
    }

    /** Bin whose edges contain {@code nm}, clamped to the first or last bin outside the grid. */
    public int binOf(double nm) {
        if (nm < edges[0]) return 0;
        int k = Arrays.binarySearch(edges, nm);
        int bin = k >= 0 ? k : -k - 2;
        return Math.min(bin, nodes.length - 1);
    }

    public boolean contains(double nm) {
        return nm >= edges[0] && nm <= edges[nodes.length];
    }

    @Override
    public String toString() {
        return (logSpaced ? "log" : "linear") + " grid " + nodes[0] + "-" + nodes[nodes.length - 1] + " nm, "
                + nodes.length + " points";
    }
}

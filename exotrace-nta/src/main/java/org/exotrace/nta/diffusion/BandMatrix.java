package org.exotrace.nta.diffusion;

/** A symmetric band matrix (entries beyond {@code halfBandwidth} of the diagonal are zero). */
final class BandMatrix {

    private final int size;
    private final int halfBandwidth;
    private final double[][] upper;

    BandMatrix(int size, int halfBandwidth) {
        this.size = size;
        this.halfBandwidth = halfBandwidth;
        this.upper = new double[size][halfBandwidth + 1];
    }

    int halfBandwidth() {
        return halfBandwidth;
    }

    double get(int i, int j) {
        if (i > j) return get(j, i);
        int off = j - i;
        if (i < 0 || j >= size || off > halfBandwidth) return 0;
        return upper[i][off];
    }

    void add(int i, int j, double value) {
        if (i > j) {
            add(j, i, value);
            return;
        }
        upper[i][j - i] += value;
    }
}

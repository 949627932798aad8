package org.exotrace.nta.link;

import java.util.Arrays;

/**
 * Minimum-cost assignment of a square cost matrix: the Hungarian method (Kuhn 1955; Munkres 1957)
 * in its O(k³) shortest-augmenting-path form with row and column potentials. Each row is added in
 * turn and the cheapest augmenting path in reduced costs re-routes earlier assignments, so the
 * result is optimal. Buffers are kept between calls: solving allocates only when k grows.
 */
final class Assignment {

    private double[] rowPotential = new double[0];
    private double[] colPotential = new double[0];
    private double[] minReduced = new double[0];
    private int[] rowOfCol = new int[0];
    private int[] previousCol = new int[0];
    private boolean[] visited = new boolean[0];

    /**
     * @param cost     k × k costs, row-major; all finite
     * @param k        the matrix side
     * @param colOfRow receives, for each row, its assigned column
     */
    void solve(double[] cost, int k, int[] colOfRow) {
        ensure(k + 1);
        Arrays.fill(rowPotential, 0, k + 1, 0);
        Arrays.fill(colPotential, 0, k + 1, 0);
        Arrays.fill(rowOfCol, 0, k + 1, 0);
        // Index 0 is a virtual column holding the row being inserted; rows and columns are 1-based.
        for (int row = 1; row <= k; row++) {
            rowOfCol[0] = row;
            int col = 0;
            Arrays.fill(minReduced, 0, k + 1, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, 0, k + 1, false);
            do {
                visited[col] = true;
                int r = rowOfCol[col];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                int base = (r - 1) * k - 1;
                for (int j = 1; j <= k; j++) {
                    if (visited[j]) continue;
                    double reduced = cost[base + j] - rowPotential[r] - colPotential[j];
                    if (reduced < minReduced[j]) {
                        minReduced[j] = reduced;
                        previousCol[j] = col;
                    }
                    if (minReduced[j] < delta) {
                        delta = minReduced[j];
                        next = j;
                    }
                }
                for (int j = 0; j <= k; j++) {
                    if (visited[j]) {
                        rowPotential[rowOfCol[j]] += delta;
                        colPotential[j] -= delta;
                    } else {
                        minReduced[j] -= delta;
                    }
                }
                col = next;
            } while (rowOfCol[col] != 0);
            do {
                int prev = previousCol[col];
                rowOfCol[col] = rowOfCol[prev];
                col = prev;
            } while (col != 0);
        }
        for (int j = 1; j <= k; j++) colOfRow[rowOfCol[j] - 1] = j - 1;
    }

    private void ensure(int n) {
        if (rowPotential.length >= n) return;
        rowPotential = new double[n];
        colPotential = new double[n];
        minReduced = new double[n];
        rowOfCol = new int[n];
        previousCol = new int[n];
        visited = new boolean[n];
    }
}

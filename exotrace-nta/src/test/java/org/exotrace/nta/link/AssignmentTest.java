package org.exotrace.nta.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    @Test
    void findsTheCheapestPermutationOfRandomMatrices() {
        SplittableRandom random = new SplittableRandom(7);
        Assignment assignment = new Assignment();
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + random.nextInt(7);
            double[] cost = new double[k * k];
            for (int i = 0; i < cost.length; i++) cost[i] = random.nextInt(4) == 0 ? 1e6 : random.nextDouble() * 10;
            int[] colOfRow = new int[k];
            assignment.solve(cost, k, colOfRow);
            boolean[] used = new boolean[k];
            double total = 0;
            for (int r = 0; r < k; r++) {
                assertThat(used[colOfRow[r]]).as("column used twice").isFalse();
                used[colOfRow[r]] = true;
                total += cost[r * k + colOfRow[r]];
            }
            assertThat(total).isCloseTo(bruteForce(cost, k, 0, new boolean[k]), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    private static double bruteForce(double[] cost, int k, int row, boolean[] used) {
        if (row == k) return 0;
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (used[c]) continue;
            used[c] = true;
            best = Math.min(best, cost[row * k + c] + bruteForce(cost, k, row + 1, used));
            used[c] = false;
        }
        return best;
    }
}

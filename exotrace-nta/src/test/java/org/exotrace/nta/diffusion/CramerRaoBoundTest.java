package org.exotrace.nta.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CramerRaoBoundTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 50, 1000})
    void withoutNoiseOrBlurTheRelativeBoundIsOneOverTheNumberOfSteps(int k) {
        double d = 4.53;
        assertThat(CramerRaoBound.knownLocalization(k, d, 0, 0, 0.04) / (d * d)).isCloseTo(1.0 / k, within(1e-9));
    }

    @Test
    void estimatingTheLocalizationVarianceCostsInformation() {
        double known = CramerRaoBound.knownLocalization(10, 4.53, 0.02, 1.0 / 6, 0.04);
        double unknown = CramerRaoBound.unknownLocalization(10, 4.53, 0.02, 1.0 / 6, 0.04);
        assertThat(unknown).isGreaterThan(known);
    }

    @Test
    void fisherInformationMatchesTheDenseTraceFormula() {
        int k = 7;
        double d = 2.1, s2 = 0.03, r = 0.1, dt = 0.033;
        double[][] sigma = tridiagonal(k, 2 * d * dt * (1 - 2 * r) + 2 * s2, 2 * r * d * dt - s2);
        double[][] dD = tridiagonal(k, dt * (2 - 4 * r), 2 * r * dt);
        double[][] inverse = invert(sigma);
        double[][] a = multiply(inverse, dD);
        double trace = 0;
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) trace += a[i][j] * a[j][i];
        assertThat(1 / CramerRaoBound.knownLocalization(k, d, s2, r, dt)).isCloseTo(trace, within(1e-9 * trace));
    }

    @Test
    void exactCveVarianceTendsToThePaperFormulaOnLongTracks() {
        double d = 4.53, dt = 0.04, s2 = 0.3 * d * dt, r = 1.0 / 6;
        int k = 2000;
        double exact = CovarianceEstimator.variance(k, d, s2, r, dt);
        assertThat(exact).isCloseTo(CovarianceEstimator.paperVariance(k, d, s2, r, dt), within(2e-3 * exact));
    }

    @Test
    void noUnbiasedEstimatorBeatsTheBound() {
        double d = 4.53, dt = 0.04, s2 = 0.01 * d * dt, r = 1.0 / 6;
        assertThat(CovarianceEstimator.variance(10, d, s2, r, dt))
            .isGreaterThan(CramerRaoBound.unknownLocalization(10, d, s2, r, dt));
        assertThat(OptimalMsdEstimator.variance(10, 2, d, s2, r, dt))
            .isGreaterThan(CramerRaoBound.unknownLocalization(10, d, s2, r, dt));
    }

    private static double[][] tridiagonal(int k, double diag, double off) {
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            m[i][i] = diag;
            if (i + 1 < k) m[i][i + 1] = m[i + 1][i] = off;
        }
        return m;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int k = a.length;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) for (int l = 0; l < k; l++) c[i][j] += a[i][l] * b[l][j];
        return c;
    }

    /** Gauss-Jordan without pivoting: fine for the positive definite test matrix. */
    private static double[][] invert(double[][] m) {
        int k = m.length;
        double[][] a = new double[k][2 * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(m[i], 0, a[i], 0, k);
            a[i][k + i] = 1;
        }
        for (int p = 0; p < k; p++) {
            double pivot = a[p][p];
            for (int j = 0; j < 2 * k; j++) a[p][j] /= pivot;
            for (int i = 0; i < k; i++) {
                if (i == p) continue;
                double f = a[i][p];
                for (int j = 0; j < 2 * k; j++) a[i][j] -= f * a[p][j];
            }
        }
        double[][] inv = new double[k][k];
        for (int i = 0; i < k; i++) System.arraycopy(a[i], k, inv[i], 0, k);
        return inv;
    }
}

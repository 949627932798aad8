package org.exotrace.nta.detectionlimit;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.special.Erf;

/** The general numerics the estimator needs, from Apache Commons Math: erfc, a 3 × 3 inverse, a Nelder-Mead minimum. */
final class Numerics {

    private Numerics() {
    }

    /** The complementary error function. */
    static double erfc(double z) {
        return Erf.erfc(z);
    }

    /** The inverse of a 3 × 3 matrix; null when it is singular or not finite. */
    static double[][] inverse3(double[][] a) {
        for (double[] row : a) for (double v : row) if (!Double.isFinite(v)) return null;
        try {
            return MatrixUtils.inverse(MatrixUtils.createRealMatrix(a)).getData();
        } catch (SingularMatrixException e) {
            return null;
        }
    }

    /**
     * A local minimum of {@code f} by the Nelder-Mead simplex (J. A. Nelder and R. Mead, Comput. J. 7,
     * 308 (1965)) from {@code start} with initial steps {@code step}, stopped when an iteration
     * changes the best value by less than {@code tolerance} (absolute); the start itself when
     * {@code maxEvaluations} run out first.
     */
    static double[] nelderMead(ToDoubleFunction<double[]> f, double[] start, double[] step, double tolerance, int maxEvaluations) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, tolerance);
        try {
            PointValuePair best = optimizer.optimize(new MaxEval(maxEvaluations), new ObjectiveFunction(f::applyAsDouble), GoalType.MINIMIZE,
                    new InitialGuess(start), new NelderMeadSimplex(step));
            return best.getPoint();
        } catch (TooManyEvaluationsException e) {
            return start.clone();
        }
    }
}

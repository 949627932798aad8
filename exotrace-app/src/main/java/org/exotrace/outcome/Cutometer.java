package org.exotrace.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A Cutometer suction measurement's deformation parameters (mm) and the elasticity ratios derived
 * from them: R2 = Ua/Uf (gross elasticity), R5 = Ur/Ue (net elasticity), R7 = Ur/Uf (biological
 * elasticity). Ratios are rounded half-up to {@link #RATIO_DECIMALS} decimals.
 *
 * @param ua total recovery (final retraction), above 0
 * @param uf final distension, above 0
 * @param ur immediate retraction, above 0
 * @param ue immediate distension, above 0
 */
public record Cutometer(Double ua, Double uf, Double ur, Double ue) {

    public static final int RATIO_DECIMALS = 3;

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing parameter or one not above 0
     */
    public Cutometer {
        Check.positive("ua", ua, " mm");
        Check.positive("uf", uf, " mm");
        Check.positive("ur", ur, " mm");
        Check.positive("ue", ue, " mm");
    }

    /** R2 = Ua/Uf. */
    public BigDecimal r2() {
        return ratio(ua, uf);
    }

    /** R5 = Ur/Ue. */
    public BigDecimal r5() {
        return ratio(ur, ue);
    }

    /** R7 = Ur/Uf. */
    public BigDecimal r7() {
        return ratio(ur, uf);
    }

    private static BigDecimal ratio(double numerator, double denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATIO_DECIMALS, RoundingMode.HALF_UP);
    }
}

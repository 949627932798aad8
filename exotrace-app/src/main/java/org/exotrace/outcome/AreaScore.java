package org.exotrace.outcome;

import java.math.BigDecimal;

/**
 * The 0-6 area score shared by EASI, PASI and MASI: the share of a region that is affected,
 * turned into a step. 0 none, 1 = 1-9 %, 2 = 10-29 %, 3 = 30-49 %, 4 = 50-69 %, 5 = 70-89 %,
 * 6 = 90-100 %.
 */
public final class AreaScore {

    private static final int[] STEP_FROM_PERCENT = {10, 30, 50, 70, 90};

    private AreaScore() {
    }

    /**
     * The area score of a region of which {@code percent} is affected. Any involvement below 10 %,
     * also below 1 %, counts as 1: the step records that the region is involved at all.
     *
     * @param field the field the percent was entered in, named in a refusal
     * @throws org.exotrace.shared.DomainProblem if the percent is missing or outside 0-100
     */
    public static int fromPercent(String field, Double percent) {
        BigDecimal share = Check.decimal(field, percent, 0, 100, " %");
        if (share.signum() == 0) {
            return 0;
        }
        int step = 1;
        for (int from : STEP_FROM_PERCENT) {
            if (share.compareTo(BigDecimal.valueOf(from)) >= 0) {
                step++;
            }
        }
        return step;
    }
}

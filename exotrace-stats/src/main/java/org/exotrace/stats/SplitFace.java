package org.exotrace.stats;

/** Within-patient comparison of the two sides of a split-face design. */
public final class SplitFace {

    private SplitFace() {
    }

    /**
     * Compares the treated side's change with the control side's change of the same patients, pair by
     * pair: a paired analysis of treated[i] - control[i] (paired t and Wilcoxon signed-rank).
     *
     * @throws IllegalArgumentException when the lengths differ, a value is not finite or there are fewer than 2 patients
     */
    public static SplitFaceResult compare(double[] treatedChange, double[] controlChange) {
        Check.pairs("treated change", treatedChange, "control change", controlChange, 2);
        PairedResult r = Paired.analyse(controlChange, treatedChange, null);
        return new SplitFaceResult(r.n(), r.meanChange(), r.meanChangeCi95(), r.sdChange(), r.tTestP(), r.wilcoxonP(),
                r.wilcoxonMethod(), r.cohenDz(), r.warnings());
    }
}

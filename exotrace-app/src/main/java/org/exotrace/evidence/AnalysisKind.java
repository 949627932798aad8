package org.exotrace.evidence;

/** The analyses the workbench runs on a cohort. */
public enum AnalysisKind {
    /** Change from baseline at a visit: paired t with its 95 % CI and the Wilcoxon signed-rank test. */
    PAIRED,
    /** Responder rates at a visit (a drop of at least a percentage of baseline) with Wilson 95 % intervals. */
    RESPONDER,
    /** Percent change compared between the groups of a grouping: Welch t, Mann-Whitney, responders by Fisher's exact test. */
    TWO_GROUPS,
    /** Split-face courses: the treated side's percent change against the control side's, within patients. */
    SPLIT_FACE,
    /** A lot measure or the dose against percent change: Spearman and a linear model with CIs. */
    DOSE_RESPONSE,
    /** Courses with an adverse event per group, with exact (Clopper-Pearson) intervals. */
    ADVERSE_EVENTS
}

package org.exotrace.compliance;

/** What a rule says, from least to most restrictive. */
public enum RuleVerdict implements org.exotrace.shared.Labelled {
    PERMITTED("Permitted", false),
    PERMITTED_WITH_CAUTION("Permitted with caution", false),
    NEEDS_TRIAL_AUTHORIZATION("Needs trial authorization", true),
    PROHIBITED("Prohibited", true);

    private final String label;
    private final boolean blocks;

    RuleVerdict(String label, boolean blocks) {
        this.label = label;
        this.blocks = blocks;
    }

    public String label() { return label; }

    /** Whether planning or recording stops here (a trial authorization must be shown first). */
    public boolean blocks() { return blocks; }
}

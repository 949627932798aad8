package org.exotrace.outcome;

/**
 * Global Aesthetic Improvement Scale: a rating of the result against baseline, in five categories
 * from best to worst. The domain notes give no numbers for the categories, so none are assigned.
 */
public enum Gais implements org.exotrace.shared.Labelled {

    VERY_MUCH_IMPROVED("very much improved"),
    MUCH_IMPROVED("much improved"),
    IMPROVED("improved"),
    NO_CHANGE("no change"),
    WORSE("worse");

    private final String label;

    Gais(String label) {
        this.label = label;
    }

    /** The wording shown to the rater. */
    public String label() {
        return label;
    }

    /** Whether the rating is one of the three improved categories. */
    public boolean improved() {
        return ordinal() <= IMPROVED.ordinal();
    }
}

package org.exotrace.treatment;

/**
 * How a protocol compares the exosome product: {@code PARALLEL} treats the whole area alike (any
 * comparison is between patients); {@code SPLIT_FACE} treats one side with the product and the
 * other with a comparator (saline, placebo, the procedure alone), so each patient is their own control.
 */
public enum Design implements org.exotrace.shared.Labelled {
    PARALLEL("Whole area (parallel)"),
    SPLIT_FACE("Split-face");

    private final String label;

    Design(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.exotrace.batch;

/** PRIMARY lots are made from a batch; a DERIVATIVE is formulated from one lot; a POOL joins two or more. */
public enum LotKind implements org.exotrace.shared.Labelled {
    PRIMARY("Primary lot"), DERIVATIVE("Derivative lot"), POOL("Pooled lot");

    private final String label;

    LotKind(String label) { this.label = label; }

    public String label() { return label; }
}

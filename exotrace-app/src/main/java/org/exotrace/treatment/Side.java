package org.exotrace.treatment;

/**
 * Which side of a split-face (or split-body) design a treatment, assessment or photograph
 * concerns; {@code BOTH} when the whole area is treated or assessed alike.
 */
public enum Side implements org.exotrace.shared.Labelled {
    LEFT("Left"),
    RIGHT("Right"),
    BOTH("Both / whole area");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

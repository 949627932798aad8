package org.exotrace.product;

/** What a product is made for; decides which donor consent its lots need. */
public enum IntendedUse implements org.exotrace.shared.Labelled {
    COSMETIC("Cosmetic"),
    CLINICAL("Clinical (investigational)"),
    RESEARCH("Research only");

    private final String label;

    IntendedUse(String label) { this.label = label; }

    public String label() { return label; }
}

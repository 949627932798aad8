package org.exotrace.product;

/** The physical form a product is supplied in. */
public enum ProductForm implements org.exotrace.shared.Labelled {
    BULK("Bulk isolate"),
    SERUM("Serum"),
    CREAM("Cream"),
    GEL("Gel"),
    INJECTABLE_SOLUTION("Injectable solution");

    private final String label;

    ProductForm(String label) { this.label = label; }

    public String label() { return label; }
}

package org.exotrace.compliance;

/** Why a product is applied; a clinical investigation names its trial. */
public enum Purpose implements org.exotrace.shared.Labelled {
    COSMETIC("Cosmetic"),
    CLINICAL_INVESTIGATION("Clinical investigation (with a trial id)"),
    APPROVED_PRODUCT("Approved medicinal product");

    private final String label;

    Purpose(String label) { this.label = label; }

    public String label() { return label; }
}

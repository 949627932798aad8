package org.exotrace.donor;

/** What a donor agreed their material may be used for. */
public enum ConsentScope implements org.exotrace.shared.Labelled {
    COSMETIC_USE("Cosmetic use"),
    CLINICAL_USE("Clinical use"),
    RESEARCH("Research"),
    COMMERCIAL("Commercial use");

    private final String label;

    ConsentScope(String label) { this.label = label; }

    public String label() { return label; }
}

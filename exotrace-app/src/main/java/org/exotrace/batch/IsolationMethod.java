package org.exotrace.batch;

/** How the vesicles were separated from the starting material (MISEV2023 method families). */
public enum IsolationMethod implements org.exotrace.shared.Labelled {
    ULTRACENTRIFUGATION("Ultracentrifugation"),
    SIZE_EXCLUSION_CHROMATOGRAPHY("Size-exclusion chromatography"),
    TANGENTIAL_FLOW_FILTRATION("Tangential flow filtration"),
    ULTRAFILTRATION("Ultrafiltration"),
    PRECIPITATION("Precipitation"),
    IMMUNOAFFINITY("Immunoaffinity capture");

    private final String label;

    IsolationMethod(String label) { this.label = label; }

    public String label() { return label; }

    /** Ultracentrifugation is only reproducible with its g-force and duration (EV-METRIC). */
    public boolean needsCentrifugation() { return this == ULTRACENTRIFUGATION; }
}

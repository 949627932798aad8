package org.exotrace.donor;

/** A donor's eligibility determination; {@link EligibilityDetermination} says how it was reached. */
public enum Eligibility implements org.exotrace.shared.Labelled {
    ELIGIBLE("Eligible"),
    INELIGIBLE("Ineligible"),
    PENDING("Pending"),
    NOT_APPLICABLE("Not screened (non-human source)");

    private final String label;

    Eligibility(String label) { this.label = label; }

    public String label() { return label; }
}

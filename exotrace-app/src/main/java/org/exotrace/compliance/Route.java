package org.exotrace.compliance;

/** How a product reaches the skin or body; rules may name a route or its {@link Group}. */
public enum Route implements org.exotrace.shared.Labelled {
    TOPICAL_INTACT_SKIN("Topical, intact skin", Group.TOPICAL_INTACT),
    TOPICAL_AFTER_MICRONEEDLING("Topical after microneedling", Group.BARRIER_DISRUPTED),
    TOPICAL_AFTER_RF_MICRONEEDLING("Topical after radiofrequency microneedling", Group.BARRIER_DISRUPTED),
    TOPICAL_AFTER_FRACTIONAL_CO2("Topical after fractional CO2 laser", Group.BARRIER_DISRUPTED),
    TOPICAL_AFTER_MICRODERMABRASION("Topical after microdermabrasion", Group.BARRIER_DISRUPTED),
    TOPICAL_AFTER_NONABLATIVE_LASER("Topical after non-ablative fractional laser", Group.BARRIER_DISRUPTED),
    ELECTROPORATION("Electroporation", Group.BARRIER_DISRUPTED),
    INTRADERMAL_INJECTION("Intradermal injection", Group.INJECTION),
    SUBCUTANEOUS_INJECTION("Subcutaneous injection", Group.INJECTION),
    INTRAVENOUS("Intravenous", Group.SYSTEMIC),
    INHALATION("Inhalation", Group.SYSTEMIC);

    /** Routes that regulators treat alike. */
    public enum Group {
        TOPICAL_INTACT("topical on intact skin"),
        BARRIER_DISRUPTED("topical through a disrupted skin barrier"),
        INJECTION("injection"),
        SYSTEMIC("systemic");

        private final String label;

        Group(String label) { this.label = label; }

        public String label() { return label; }
    }

    private final String label;
    private final Group group;

    Route(String label, Group group) {
        this.label = label;
        this.group = group;
    }

    public String label() { return label; }

    public Group group() { return group; }
}

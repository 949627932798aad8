package org.exotrace.shared;

/** The roles of Exotrace users. A user may hold several. */
public enum Role implements Labelled {
    LAB_ANALYST("Lab analyst"),
    QA_RELEASER("QA releaser"),
    CLINICIAN("Clinician"),
    RESEARCHER("Researcher"),
    COMPLIANCE_OFFICER("Compliance officer"),
    ADMIN("Administrator");

    private final String label;

    Role(String label) { this.label = label; }

    public String label() { return label; }

    /** The authority name Spring Security checks, e.g. {@code ROLE_QA_RELEASER}. */
    public String authority() { return "ROLE_" + name(); }

    /** Role names for {@code hasAnyRole(...)}. */
    public static String[] names(Role... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) names[i] = roles[i].name();
        return names;
    }
}

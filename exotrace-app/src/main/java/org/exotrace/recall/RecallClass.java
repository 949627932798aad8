package org.exotrace.recall;

import org.exotrace.shared.Labelled;

/** How serious a recall is, as the FDA classes them (21 CFR 7.3(m)). */
public enum RecallClass implements Labelled {
    I("Class I", "use may cause serious adverse health consequences or death"),
    II("Class II", "use may cause temporary or medically reversible adverse health consequences"),
    III("Class III", "use is not likely to cause adverse health consequences");

    private final String label;
    private final String meaning;

    RecallClass(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    @Override
    public String label() { return label; }

    public String meaning() { return meaning; }
}

package org.exotrace.donor;

/** Where the vesicles come from. Human sources need donor consent and eligibility; others do not. */
public enum SourceType implements org.exotrace.shared.Labelled {
    UMBILICAL_CORD_MSC("Umbilical-cord MSC", true),
    BONE_MARROW_MSC("Bone-marrow MSC", true),
    ADIPOSE_MSC("Adipose MSC", true),
    OTHER_HUMAN_CELLS("Other human cells", true),
    PLANT("Plant", false),
    ANIMAL("Animal", false),
    MARINE("Marine", false);

    private final String label;
    private final boolean human;

    SourceType(String label, boolean human) {
        this.label = label;
        this.human = human;
    }

    public String label() { return label; }

    public boolean isHuman() { return human; }
}

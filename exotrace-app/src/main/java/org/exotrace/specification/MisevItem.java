package org.exotrace.specification;

/**
 * The characterization item of MISEV2018 (Théry et al. 2018) and MISEV2023 (Welsh et al. 2024)
 * that a test's result provides evidence for. See {@link MisevReport} for how items are scored.
 */
public enum MisevItem implements org.exotrace.shared.Labelled {
    /** Particle number, e.g. by NTA, TRPS or flow cytometry. */
    PARTICLE_QUANTIFICATION("Particle quantification"),
    /** Total protein amount, e.g. by BCA or Bradford assay. */
    PROTEIN_QUANTIFICATION("Protein quantification"),
    /** Total lipid amount. */
    LIPID_QUANTIFICATION("Lipid quantification"),
    /** Particles per µg protein, a purity measure (Webber &amp; Clayton 2013). */
    PARTICLE_TO_PROTEIN_RATIO("Particle-to-protein ratio"),
    /** Transmembrane or GPI-anchored EV protein, e.g. CD9, CD63, CD81. */
    TRANSMEMBRANE_MARKER("Transmembrane marker"),
    /** Cytosolic protein with membrane binding, e.g. TSG101, ALIX, syntenin. */
    CYTOSOLIC_MARKER("Cytosolic marker"),
    /** Expected contaminant or non-EV protein, e.g. calnexin, GM130, APOA1. */
    NON_EV_MARKER("Non-EV marker"),
    /** Images of single vesicles, e.g. TEM, cryo-EM, AFM, super-resolution microscopy. */
    SINGLE_VESICLE_IMAGING("Single-vesicle imaging"),
    /** A non-image single-particle method, e.g. NTA, TRPS, high-resolution flow cytometry. */
    NON_IMAGE_SINGLE_PARTICLE("Non-image single-particle method");

    private final String label;

    MisevItem(String label) { this.label = label; }

    @Override
    public String label() { return label; }
}

package org.exotrace.specification;

import java.util.List;

/**
 * Starting specifications that a QA person copies and adjusts per product. Every test names its
 * source; values marked UNVERIFIED in the source are defaults to be set per product, not facts.
 */
public final class DefaultSpecifications {

    private static final String MISEV = "MISEV2018 (Théry et al. 2018); MISEV2023 (Welsh et al. 2024)";
    private static final String RELEASE_TESTS = "typical release tests for an EV product (quality.md)";
    private static final List<String> POSITIVE_NEGATIVE = List.of("POSITIVE", "NEGATIVE");
    private static final List<String> CONFORMITY = List.of("CONFORMS", "DOES_NOT_CONFORM");
    /**
     * How far the measured concentration may lie from the declared one before release is blocked:
     * within half to twice. UNVERIFIED: a product decision, not a sourced limit; NTA counts of the
     * same sample differ by tens of percent between instruments and set-ups, while a wrong
     * detection volume or a unit slip gives tens- to thousandfold errors.
     */
    static final double DECLARED_TOLERANCE = 2.0;

    private DefaultSpecifications() {
    }

    /**
     * Release specification for small EVs (exosomes) from human mesenchymal stromal cells, shipped
     * in ampoules of serum: size and particle number from the seeds, purity after Webber &amp;
     * Clayton 2013 (bands UNVERIFIED), the MISEV marker panel, and safety tests. Particles per
     * ampoule is derived (particle concentration × fill volume); the measured particle concentration
     * must lie within {@value #DECLARED_TOLERANCE}-fold of the lot's declared concentration (UNVERIFIED).
     */
    public static List<TestDefinition> humanMscExosomeSerum() {
        return List.of(
                numeric(TestCode.SIZE_MODE.value(), "Size (mode)", "nm", Limit.including(30), Limit.including(150), null,
                        true, MisevItem.NON_IMAGE_SINGLE_PARTICLE, "seeds: exosomes are 30-150 nm; MISEV2023"),
                numeric(TestCode.SIZE_D50.value(), "Size (D50)", "nm", null, null, null,
                        false, MisevItem.NON_IMAGE_SINGLE_PARTICLE, RELEASE_TESTS + "; report only"),
                derived(TestCode.PARTICLES_PER_AMPOULE.value(), "Particles per ampoule", "particles",
                        Limit.including(5e9), Limit.including(12e9), true, MisevItem.PARTICLE_QUANTIFICATION,
                        "seeds: 5-12 billion particles per ampoule; computed, never typed",
                        Derivation.of(TestCode.PARTICLE_CONCENTRATION.value(), Derivation.FILL_VOLUME)),
                new TestDefinition(TestCode.PARTICLE_CONCENTRATION.value(), "Particle concentration", TestKind.NUMERIC, "particles/mL", null, null,
                        null, null, null, null, false, MisevItem.PARTICLE_QUANTIFICATION, RELEASE_TESTS + "; report only; "
                        + "within 2-fold of the declared concentration: UNVERIFIED default, set per product", null, DECLARED_TOLERANCE),
                numeric(TestCode.TOTAL_PROTEIN.value(), "Total protein", "µg/mL", null, null, null,
                        true, MisevItem.PROTEIN_QUANTIFICATION, MISEV + ": quantification by a second method; report only"),
                numeric(TestCode.PARTICLES_PER_UG_PROTEIN.value(), "Particles per µg protein (purity)", "particles/µg",
                        Limit.including(1.5e9), null, 3e10,
                        true, MisevItem.PARTICLE_TO_PROTEIN_RATIO, "Webber & Clayton 2013; bands UNVERIFIED, configurable"),
                categorical(TestCode.MARKER_TRANSMEMBRANE.value(), "Transmembrane marker (CD9/CD63/CD81)", POSITIVE_NEGATIVE, "POSITIVE",
                        true, MisevItem.TRANSMEMBRANE_MARKER, MISEV + ": transmembrane or GPI-anchored marker positive"),
                categorical(TestCode.MARKER_CYTOSOLIC.value(), "Cytosolic marker (TSG101/ALIX/syntenin)", POSITIVE_NEGATIVE, "POSITIVE",
                        true, MisevItem.CYTOSOLIC_MARKER, MISEV + ": cytosolic marker positive"),
                categorical(TestCode.MARKER_CALNEXIN.value(), "Calnexin (non-EV marker)", List.of("NEGATIVE", "POSITIVE"), "NEGATIVE",
                        true, MisevItem.NON_EV_MARKER, MISEV + ": non-EV marker shown absent or reported"),
                categorical(TestCode.STERILITY.value(), "Sterility", List.of("NO_GROWTH", "GROWTH"), "NO_GROWTH",
                        true, null, RELEASE_TESTS),
                numeric(TestCode.ENDOTOXIN.value(), "Endotoxin", "EU/mL", null, Limit.including(0.5), null,
                        true, null, "UNVERIFIED default, set per product"),
                categorical(TestCode.MYCOPLASMA.value(), "Mycoplasma", List.of("NEGATIVE", "POSITIVE"), "NEGATIVE",
                        true, null, RELEASE_TESTS),
                categorical(TestCode.EV_IMAGING.value(), "Single-vesicle imaging (TEM)", CONFORMITY, "CONFORMS",
                        false, MisevItem.SINGLE_VESICLE_IMAGING, MISEV + ": images of single EVs"),
                categorical(TestCode.APPEARANCE.value(), "Appearance", CONFORMITY, "CONFORMS",
                        false, null, RELEASE_TESTS));
    }

    private static TestDefinition numeric(String code, String name, String unit, Limit lower, Limit upper,
            Double warnLower, boolean required, MisevItem item, String source) {
        return new TestDefinition(code, name, TestKind.NUMERIC, unit, lower, upper, warnLower, null,
                null, null, required, item, source);
    }

    private static TestDefinition derived(String code, String name, String unit, Limit lower, Limit upper, boolean required,
            MisevItem item, String source, Derivation derivation) {
        return new TestDefinition(code, name, TestKind.NUMERIC, unit, lower, upper, null, null, null, null, required, item, source,
                derivation, null);
    }

    private static TestDefinition categorical(String code, String name, List<String> allowed, String accepted,
            boolean required, MisevItem item, String source) {
        return new TestDefinition(code, name, TestKind.CATEGORICAL, null, null, null, null, null,
                allowed, List.of(accepted), required, item, source);
    }
}

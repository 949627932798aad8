package org.exotrace.specification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How completely a lot is characterized against the minimal information for studies of
 * extracellular vesicles: MISEV2018 (Théry et al. 2018) and
 * MISEV2023 (Welsh et al. 2024). Seven items, all applicable to
 * every lot, in this order:
 * <ol>
 *   <li>{@code QUANTIFICATION_BY_TWO_METHODS}: at least two of particle, protein and lipid
 *       quantification have a result;
 *   <li>{@code PARTICLE_TO_PROTEIN_RATIO}: the ratio has a result, or particle and protein
 *       quantification both have one so it can be computed;
 *   <li>{@code TRANSMEMBRANE_MARKER} and {@code CYTOSOLIC_MARKER}: a marker result that passes its
 *       test (for a categorical test, an accepted value such as POSITIVE);
 *   <li>{@code NON_EV_MARKER}: any result, since the contaminant is to be shown absent or reported;
 *   <li>{@code SINGLE_VESICLE_IMAGING} and {@code NON_IMAGE_SINGLE_PARTICLE}: any result.
 * </ol>
 * A result counts for an item when its test's {@link TestDefinition#misevItem()} names it.
 * {@code percent} is satisfied items × 100 / applicable items, rounded down, in the manner of
 * EV-TRACK's EV-METRIC; EV-METRIC's method-specific items are not scored here.
 *
 * @param entries one per item, in the order above
 * @param percent completeness from 0 to 100
 * @param missing descriptions of the items not satisfied, in the order above
 */
public record MisevReport(List<Entry> entries, int percent, List<String> missing) {

    /**
     * One MISEV item.
     *
     * @param item stable key of the item, e.g. {@code TRANSMEMBRANE_MARKER}
     * @param description what MISEV asks for, in the words of the guidelines
     * @param satisfied whether the lot's results provide it
     * @param evidence the results that satisfy it, or why none does
     */
    public record Entry(String item, String description, boolean satisfied, String evidence) {
    }

    static final String QUANTIFICATION_BY_TWO_METHODS = "QUANTIFICATION_BY_TWO_METHODS";

    private static final List<MisevItem> QUANTIFICATIONS = List.of(MisevItem.PARTICLE_QUANTIFICATION,
            MisevItem.PROTEIN_QUANTIFICATION, MisevItem.LIPID_QUANTIFICATION);

    public MisevReport {
        entries = List.copyOf(entries);
        missing = List.copyOf(missing);
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be from 0 to 100, not " + percent);
        }
    }

    /**
     * Scores a lot's valid results against MISEV.
     *
     * @param spec the specification the results belong to
     * @param validObservations the latest valid result per test, in the test's unit; results of
     *     codes not in the specification are ignored
     * @throws IllegalArgumentException if a marker result is not in its test's vocabulary
     */
    public static MisevReport of(List<TestDefinition> spec, Collection<Observation> validObservations) {
        SpecificationChecks.checkCodesUnique(spec);
        Map<String, Observation> byCode = SpecificationChecks.byCode(spec, validObservations);
        Map<MisevItem, List<String>> found = new EnumMap<>(MisevItem.class);
        Map<MisevItem, List<String>> notes = new EnumMap<>(MisevItem.class);
        for (MisevItem item : MisevItem.values()) {
            found.put(item, new ArrayList<>());
            notes.put(item, new ArrayList<>());
        }
        for (TestDefinition test : spec) {
            if (test.misevItem() != null) {
                classify(test, byCode.get(test.code()), found.get(test.misevItem()), notes.get(test.misevItem()));
            }
        }
        List<Entry> entries = List.of(
                quantification(found),
                ratio(found, notes),
                direct(MisevItem.TRANSMEMBRANE_MARKER,
                        "Transmembrane or GPI-anchored EV marker positive (e.g. CD9, CD63, CD81)", found, notes),
                direct(MisevItem.CYTOSOLIC_MARKER,
                        "Cytosolic EV marker positive (e.g. TSG101, ALIX, syntenin)", found, notes),
                direct(MisevItem.NON_EV_MARKER,
                        "Non-EV or contaminant marker reported (e.g. calnexin, GM130, APOA1)", found, notes),
                direct(MisevItem.SINGLE_VESICLE_IMAGING,
                        "Images of single vesicles (TEM, cryo-EM, AFM or super-resolution)", found, notes),
                direct(MisevItem.NON_IMAGE_SINGLE_PARTICLE,
                        "Non-image single-particle analysis (NTA, TRPS or flow cytometry)", found, notes));
        long satisfied = entries.stream().filter(Entry::satisfied).count();
        List<String> missing = entries.stream().filter(entry -> !entry.satisfied()).map(Entry::description).toList();
        return new MisevReport(entries, (int) (satisfied * 100 / entries.size()), missing);
    }

    private static void classify(TestDefinition test, Observation observation, List<String> found, List<String> notes) {
        if (observation == null) {
            notes.add(test.name() + ": no result");
            return;
        }
        String result = test.name() + ": " + observation.resultLabel()
                + (test.kind() == TestKind.NUMERIC ? " " + test.unit() : "");
        if (mustPass(test.misevItem()) && test.judge(observation) == Verdict.FAIL) {
            notes.add(result + ", not positive");
        } else {
            found.add(result);
        }
    }

    private static boolean mustPass(MisevItem item) {
        return item == MisevItem.TRANSMEMBRANE_MARKER || item == MisevItem.CYTOSOLIC_MARKER;
    }

    private static Entry quantification(Map<MisevItem, List<String>> found) {
        List<MisevItem> methods = QUANTIFICATIONS.stream().filter(item -> !found.get(item).isEmpty()).toList();
        List<String> evidence = new ArrayList<>();
        QUANTIFICATIONS.forEach(item -> evidence.addAll(found.get(item)));
        boolean satisfied = methods.size() >= 2;
        String text = satisfied ? String.join("; ", evidence)
                : evidence.isEmpty() ? "no particle, protein or lipid result"
                : String.join("; ", evidence) + "; a second method is needed";
        return new Entry(QUANTIFICATION_BY_TWO_METHODS,
                "Quantification by at least two methods (particle number and protein or lipid amount)",
                satisfied, text);
    }

    private static Entry ratio(Map<MisevItem, List<String>> found, Map<MisevItem, List<String>> notes) {
        String description = "Ratio of particle number to protein amount (purity, particles per µg protein)";
        List<String> ratio = found.get(MisevItem.PARTICLE_TO_PROTEIN_RATIO);
        List<String> particles = found.get(MisevItem.PARTICLE_QUANTIFICATION);
        List<String> protein = found.get(MisevItem.PROTEIN_QUANTIFICATION);
        if (!ratio.isEmpty()) {
            return new Entry(MisevItem.PARTICLE_TO_PROTEIN_RATIO.name(), description, true, String.join("; ", ratio));
        }
        if (!particles.isEmpty() && !protein.isEmpty()) {
            return new Entry(MisevItem.PARTICLE_TO_PROTEIN_RATIO.name(), description, true,
                    "computable from " + String.join("; ", particles) + " and " + String.join("; ", protein));
        }
        return new Entry(MisevItem.PARTICLE_TO_PROTEIN_RATIO.name(), description, false,
                explain(notes.get(MisevItem.PARTICLE_TO_PROTEIN_RATIO)) + "; particle and protein results "
                        + "are not both available to compute it");
    }

    private static Entry direct(MisevItem item, String description,
            Map<MisevItem, List<String>> found, Map<MisevItem, List<String>> notes) {
        List<String> evidence = found.get(item);
        return evidence.isEmpty()
                ? new Entry(item.name(), description, false, explain(notes.get(item)))
                : new Entry(item.name(), description, true, String.join("; ", evidence));
    }

    private static String explain(List<String> notes) {
        return notes.isEmpty() ? "no test in the specification" : String.join("; ", notes);
    }
}

package org.exotrace.specification;

import java.util.ArrayList;
import java.util.List;

/** The default specification and a conforming lot's results, to vary one result at a time. */
public final class QualityFixtures {

    private QualityFixtures() {
    }

    public static List<TestDefinition> spec() {
        return DefaultSpecifications.humanMscExosomeSerum();
    }

    public static TestDefinition test(String code) {
        return spec().stream().filter(test -> test.code().equals(code)).findFirst().orElseThrow();
    }

    public static List<Observation> conformingLot() {
        return List.of(
                Observation.numeric("size_mode", 112),
                Observation.numeric("size_d50", 121),
                Observation.numeric("particles_per_ampoule", 8e9),
                Observation.numeric("particle_concentration", 4e10),
                Observation.numeric("total_protein", 250),
                Observation.numeric("particles_per_ug_protein", 4e10),
                Observation.categorical("marker_transmembrane", "POSITIVE"),
                Observation.categorical("marker_cytosolic", "POSITIVE"),
                Observation.categorical("marker_calnexin", "NEGATIVE"),
                Observation.categorical("sterility", "NO_GROWTH"),
                Observation.numeric("endotoxin", 0.1),
                Observation.categorical("mycoplasma", "NEGATIVE"),
                Observation.categorical("ev_imaging", "CONFORMS"),
                Observation.categorical("appearance", "CONFORMS"));
    }

    public static List<Observation> conformingLotWith(Observation... replacements) {
        List<Observation> lot = new ArrayList<>(conformingLot());
        for (Observation replacement : replacements) {
            lot.removeIf(observation -> observation.testCode().equals(replacement.testCode()));
            lot.add(replacement);
        }
        return lot;
    }

    public static List<Observation> conformingLotWithout(String... codes) {
        List<String> left = List.of(codes);
        return conformingLot().stream().filter(observation -> !left.contains(observation.testCode())).toList();
    }

    public static TestDefinition numeric(String code, String unit, Limit lower, Limit upper, Double warnLower, Double warnUpper) {
        return new TestDefinition(code, "Test " + code, TestKind.NUMERIC, unit, lower, upper, warnLower, warnUpper,
                null, null, true, null, "unit test");
    }

    public static TestDefinition categorical(String code, List<String> allowed, List<String> accepted) {
        return new TestDefinition(code, "Test " + code, TestKind.CATEGORICAL, null, null, null, null, null,
                allowed, accepted, true, null, "unit test");
    }
}

package org.exotrace.donor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The screening tests a donor of one source type must have, in one jurisdiction (a country code,
 * or {@code EU} for every member state), each with its sampling window. Panels are data that QA
 * edits with a reason; every change is audited with the panel before and after.
 *
 * @param source  the regulation the panel as a whole follows
 * @param version 1 when created, +1 at each change
 */
public record ScreeningPanel(UUID id, SourceType sourceType, String jurisdiction, String source, int version, String changedBy,
                             Instant changedAt, List<RequiredTest> tests) {

    public ScreeningPanel {
        tests = List.copyOf(tests);
    }

    /**
     * One required test of a panel.
     *
     * @param source   the text this entry relies on (regulation, guidance or lab policy)
     * @param verified whether that source was read in its primary form; false shows as UNVERIFIED
     */
    public record RequiredTest(UUID id, ScreeningTest test, ScreeningWindow window, String source, boolean verified) {}

    public Optional<RequiredTest> test(String testCode) {
        return tests.stream().filter(t -> t.test().code().equals(testCode)).findFirst();
    }

    /** For reading: "Umbilical-cord MSC in United States". */
    public String title() {
        return sourceType.label() + " in " + CollectionJurisdictions.name(jurisdiction);
    }
}

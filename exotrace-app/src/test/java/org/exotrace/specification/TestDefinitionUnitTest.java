package org.exotrace.specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exotrace.specification.QualityFixtures.categorical;
import static org.exotrace.specification.QualityFixtures.numeric;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestDefinitionUnitTest {

    private static final List<String> POSITIVE_NEGATIVE = List.of("POSITIVE", "NEGATIVE");

    @Test
    void inclusiveUpperLimitPassesAtTheLimit() {
        TestDefinition endotoxin = numeric("endotoxin", "EU/mL", null, Limit.including(0.5), null, null);

        assertThat(endotoxin.judge(0.5)).isEqualTo(Verdict.PASS);
        assertThat(endotoxin.judge(Math.nextUp(0.5))).isEqualTo(Verdict.FAIL);
    }

    @Test
    void exclusiveUpperLimitFailsAtTheLimit() {
        TestDefinition endotoxin = numeric("endotoxin", "EU/mL", null, Limit.excluding(0.5), null, null);

        assertThat(endotoxin.judge(0.5)).isEqualTo(Verdict.FAIL);
        assertThat(endotoxin.judge(Math.nextDown(0.5))).isEqualTo(Verdict.PASS);
    }

    @Test
    void inclusiveLowerLimitPassesAtTheLimit() {
        TestDefinition size = numeric("size_mode", "nm", Limit.including(30), Limit.including(150), null, null);

        assertThat(size.judge(30)).isEqualTo(Verdict.PASS);
        assertThat(size.judge(Math.nextDown(30.0))).isEqualTo(Verdict.FAIL);
    }

    @Test
    void exclusiveLowerLimitFailsAtTheLimit() {
        TestDefinition size = numeric("size_mode", "nm", Limit.excluding(30), Limit.including(150), null, null);

        assertThat(size.judge(30)).isEqualTo(Verdict.FAIL);
        assertThat(size.judge(Math.nextUp(30.0))).isEqualTo(Verdict.PASS);
    }

    @Test
    void resultWithinLimitsButBelowTheWarningBandIsAWarning() {
        TestDefinition purity = numeric("purity", "particles/µg", Limit.including(1.5e9), null, 3e10, null);

        assertThat(purity.judge(1.4e9)).isEqualTo(Verdict.FAIL);
        assertThat(purity.judge(1.5e9)).isEqualTo(Verdict.WARNING);
        assertThat(purity.judge(2e10)).isEqualTo(Verdict.WARNING);
        assertThat(purity.judge(3e10)).isEqualTo(Verdict.PASS);
    }

    @Test
    void resultWithinLimitsButAboveTheWarningBandIsAWarning() {
        TestDefinition size = numeric("size_mode", "nm", Limit.including(30), Limit.including(150), 50.0, 130.0);

        assertThat(size.judge(130)).isEqualTo(Verdict.PASS);
        assertThat(size.judge(140)).isEqualTo(Verdict.WARNING);
        assertThat(size.judge(151)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void numericTestWithoutLimitsPassesAnyResult() {
        TestDefinition protein = numeric("total_protein", "µg/mL", null, null, null, null);

        assertThat(protein.judge(0)).isEqualTo(Verdict.PASS);
        assertThat(protein.judge(1e6)).isEqualTo(Verdict.PASS);
        assertThat(protein.reportOnly()).isTrue();
    }

    @Test
    void categoricalResultMatchesTheVocabularyIgnoringCaseAndBlanks() {
        TestDefinition marker = categorical("marker_cd63", POSITIVE_NEGATIVE, List.of("POSITIVE"));

        assertThat(marker.judge("positive")).isEqualTo(Verdict.PASS);
        assertThat(marker.judge(" Positive ")).isEqualTo(Verdict.PASS);
        assertThat(marker.judge("negative")).isEqualTo(Verdict.FAIL);
    }

    @Test
    void categoricalResultOutsideTheVocabularyIsRefusedNamingTheAllowedValues() {
        TestDefinition marker = categorical("marker_cd63", POSITIVE_NEGATIVE, List.of("POSITIVE"));

        assertThatThrownBy(() -> marker.judge("weak"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'weak' is not a result of test marker_cd63; allowed values: POSITIVE, NEGATIVE");
    }

    @Test
    void acceptedValuesTakeTheSpellingOfTheVocabulary() {
        TestDefinition marker = categorical("marker_cd63", POSITIVE_NEGATIVE, List.of("positive"));

        assertThat(marker.acceptedValues()).containsExactly("POSITIVE");
    }

    @Test
    void judgingANumberAgainstACategoricalTestIsRefused() {
        TestDefinition marker = categorical("marker_cd63", POSITIVE_NEGATIVE, List.of("POSITIVE"));

        assertThatThrownBy(() -> marker.judge(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("categorical");
    }

    @Test
    void judgingAnObservationOfAnotherTestIsRefused() {
        TestDefinition size = numeric("size_mode", "nm", Limit.including(30), Limit.including(150), null, null);

        assertThatThrownBy(() -> size.judge(Observation.numeric("size_d50", 100)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitIsStoredInItsCanonicalSpelling() {
        assertThat(numeric("size_mode", "um", null, null, null, null).unit()).isEqualTo("µm");
    }

    @Test
    void refusesCodesThatAreNotLowerCaseIdentifiers() {
        for (String code : List.of("Size", "s", "1size", "size-mode", "a".repeat(49))) {
            assertThatThrownBy(() -> numeric(code, "nm", null, null, null, null))
                    .as(code)
                    .isInstanceOf(InvalidSpecification.class)
                    .hasMessageContaining("lower-case");
        }
    }

    @Test
    void refusesATestWithoutName() {
        assertThatThrownBy(() -> new TestDefinition("size_mode", " ", TestKind.NUMERIC, "nm", null, null, null, null,
                null, null, true, null, null))
                .isInstanceOf(InvalidSpecification.class)
                .hasMessage("test size_mode needs a name");
    }

    @Test
    void refusesANumericTestWithoutUnit() {
        assertThatThrownBy(() -> numeric("size_mode", null, null, null, null, null))
                .isInstanceOf(InvalidSpecification.class)
                .hasMessageContaining("needs a unit");
    }

    @Test
    void refusesANumericTestWithAVocabulary() {
        assertThatThrownBy(() -> new TestDefinition("size_mode", "Size", TestKind.NUMERIC, "nm", null, null, null,
                null, POSITIVE_NEGATIVE, List.of("POSITIVE"), true, null, null))
                .isInstanceOf(InvalidSpecification.class)
                .hasMessageContaining("make it CATEGORICAL");
    }

    @Test
    void refusesACategoricalTestWithoutVocabulary() {
        assertThatThrownBy(() -> categorical("sterility", List.of(), List.of()))
                .isInstanceOf(InvalidSpecification.class)
                .hasMessageContaining("needs its allowed values");
    }

    @Test
    void refusesAnAcceptedValueOutsideTheVocabulary() {
        assertThatThrownBy(() -> categorical("sterility", List.of("NO_GROWTH", "GROWTH"), List.of("STERILE")))
                .isInstanceOf(InvalidSpecification.class)
                .hasMessage("categorical test sterility: accepted value 'STERILE' is not one of the allowed values "
                        + "NO_GROWTH, GROWTH");
    }

    @Test
    void refusesACategoricalTestWithAUnitOrLimits() {
        assertThatThrownBy(() -> new TestDefinition("sterility", "Sterility", TestKind.CATEGORICAL, "nm", null, null,
                null, null, List.of("NO_GROWTH"), List.of("NO_GROWTH"), true, null, null))
                .isInstanceOf(InvalidSpecification.class);
        assertThatThrownBy(() -> new TestDefinition("sterility", "Sterility", TestKind.CATEGORICAL, null,
                Limit.including(1), null, null, null, List.of("NO_GROWTH"), List.of("NO_GROWTH"), true, null, null))
                .isInstanceOf(InvalidSpecification.class);
    }

    @Test
    void refusesALowerLimitAboveTheUpperLimit() {
        assertThatThrownBy(() -> numeric("size_mode", "nm", Limit.including(150), Limit.including(30), null, null))
                .isInstanceOf(InvalidSpecification.class)
                .hasMessage("test size_mode: lower limit 150 must be below upper limit 30");
    }

    @Test
    void equalLimitsAreAllowedOnlyWhenBothAreInclusive() {
        assertThat(numeric("ph", "%", Limit.including(7), Limit.including(7), null, null).judge(7))
                .isEqualTo(Verdict.PASS);
        assertThatThrownBy(() -> numeric("ph", "%", Limit.including(7), Limit.excluding(7), null, null))
                .isInstanceOf(InvalidSpecification.class);
    }

    @Test
    void refusesAWarningBandOutsideTheLimits() {
        assertThatThrownBy(() -> numeric("size_mode", "nm", Limit.including(30), Limit.including(150), 20.0, null))
                .isInstanceOf(InvalidSpecification.class)
                .hasMessage("test size_mode: lower warning 20 must lie within the limits 30 – 150");
        assertThatThrownBy(() -> numeric("size_mode", "nm", Limit.including(30), Limit.including(150), 120.0, 60.0))
                .isInstanceOf(InvalidSpecification.class);
    }

    @Test
    void limitsReadAsOnACertificateOfAnalysis() {
        assertThat(numeric("size_mode", "nm", Limit.including(30), Limit.including(150), null, null).limitsText())
                .isEqualTo("30 – 150 nm");
        assertThat(numeric("size_mode", "nm", Limit.excluding(30), Limit.including(150), null, null).limitsText())
                .isEqualTo("> 30 and ≤ 150 nm");
        assertThat(numeric("endotoxin", "EU/mL", null, Limit.including(0.5), null, null).limitsText())
                .isEqualTo("≤ 0.5 EU/mL");
        assertThat(numeric("purity", "particles/µg", Limit.excluding(1.5e9), null, null, null).limitsText())
                .isEqualTo("> 1.5E9 particles/µg");
        assertThat(numeric("total_protein", "µg/mL", null, null, null, null).limitsText()).isEqualTo("report only");
        assertThat(categorical("sterility", List.of("NO_GROWTH", "GROWTH"), List.of("NO_GROWTH")).limitsText())
                .isEqualTo("NO_GROWTH");
        assertThat(categorical("calnexin", POSITIVE_NEGATIVE, POSITIVE_NEGATIVE).limitsText()).isEqualTo("report only");
    }
}

package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exotrace.outcome.Refusals.assertRefused;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exotrace.shared.DomainProblem;
import org.junit.jupiter.api.Test;

/** Entering every instrument's components by field name, and the hair measurements. */
class ComponentEntryUnitTest {

    @Test
    void hairDensityAndShaftDiameterAreReadingsWithTheirUnits() {
        SkinMeasurement density = SkinMeasurement.hairDensity(182.5);
        SkinMeasurement diameter = SkinMeasurement.hairShaftDiameter(68.0);

        assertThat(density.instrument()).isEqualTo(Instrument.HAIR_DENSITY);
        assertThat(density.instrument().unit()).isEqualTo("hairs/cm²");
        assertThat(density.score().value()).isEqualByComparingTo("182.5");
        assertThat(density.score().band()).isNull();
        assertThat(diameter.instrument().unit()).isEqualTo("µm");
        assertThat(diameter.score().value().toPlainString()).isEqualTo("68");
        assertThat(SkinMeasurement.hairDensity(0.0).value()).isEqualByComparingTo("0");
    }

    @Test
    void hairReadingsRefuseImpossibleValues() {
        assertRefused(() -> SkinMeasurement.hairDensity(-3.0), "hairDensity", "0 or more hairs/cm²", "was -3");
        assertRefused(() -> SkinMeasurement.hairDensity(null), "hairDensity", "required");
        assertRefused(() -> SkinMeasurement.hairShaftDiameter(0.0), "shaftDiameter", "above 0 µm", "was 0");
        assertRefused(() -> SkinMeasurement.hairShaftDiameter(Double.POSITIVE_INFINITY), "shaftDiameter", "was Infinity");
    }

    @Test
    void corneometerReadingIsBandedByHydration() {
        assertThat(SkinMeasurement.corneometer(29.9).score().band()).isEqualTo("very dry");
        assertThat(SkinMeasurement.corneometer(50.0).score().band()).isEqualTo("sufficient");
    }

    @Test
    void everyInstrumentHasAnEntryForm() {
        for (Instrument instrument : Instrument.values()) {
            assertThat(ComponentEntry.fields(instrument)).as(instrument.code()).isNotEmpty();
        }
        assertThat(ComponentEntry.fields(Instrument.EASI)).hasSize(20);
        assertThat(ComponentEntry.fields(Instrument.EASI).get(0).name()).isEqualTo("headNeck.erythema");
        assertThat(ComponentEntry.fields(Instrument.EASI).get(0).step()).isEqualByComparingTo("0.5");
    }

    @Test
    void everyFormScoresItsLowestValuesAndRefusesEachFieldAboveItsRange() {
        for (Instrument instrument : Instrument.values()) {
            Map<String, Object> lowest = lowest(instrument);
            ComponentEntry.Result result = ComponentEntry.read(instrument, lowest, 40);
            assertThat(result.instrument()).isEqualTo(instrument);
            for (ComponentEntry.Field field : ComponentEntry.fields(instrument)) {
                if (field.max() == null) {
                    continue;
                }
                Map<String, Object> tooHigh = new HashMap<>(lowest);
                tooHigh.put(field.name(), field.max().add(BigDecimal.ONE));
                assertRefused(() -> ComponentEntry.read(instrument, tooHigh, 40), field.name(), "was");
            }
        }
    }

    @Test
    void easiFromPercentagesWithAdultAndChildWeights() {
        // head/neck: signs 2+1+0.5+0.5 = 4, 25 % -> area 2 ; trunk: signs 3+2+1+0 = 6, 50 % -> area 4 ; rest clear
        // adult: 0.1 x 2 x 4 + 0.3 x 4 x 6 = 0.8 + 7.2 = 8 (moderate)
        // child: 0.2 x 2 x 4 + 0.3 x 4 x 6 = 1.6 + 7.2 = 8.8
        Map<String, Object> entered = new LinkedHashMap<>(lowest(Instrument.EASI));
        entered.putAll(Map.of("headNeck.erythema", 2, "headNeck.oedemaPapulation", "1", "headNeck.excoriation", 0.5,
                "headNeck.lichenification", 0.5, "headNeck.areaPercent", 25));
        entered.putAll(Map.of("trunk.erythema", 3, "trunk.oedemaPapulation", 2, "trunk.excoriation", 1, "trunk.areaPercent", 50));

        ComponentEntry.Result adult = ComponentEntry.read(Instrument.EASI, entered, 30);
        ComponentEntry.Result child = ComponentEntry.read(Instrument.EASI, entered, 6);

        assertThat(adult.value().toPlainString()).isEqualTo("8");
        assertThat(adult.band()).isEqualTo("moderate");
        assertThat(adult.parts().get("headNeck")).isEqualByComparingTo("0.8");
        assertThat(adult.components()).containsEntry("ageYears", 30).containsEntry("headNeck.areaPercent", new BigDecimal("25"));
        assertThat(child.value().toPlainString()).isEqualTo("8.8");
    }

    @Test
    void nestedGroupsReadAsDottedFieldNames() {
        Map<String, Object> entered = new LinkedHashMap<>();
        for (String region : new String[] {"headNeck", "upperLimbs", "trunk", "lowerLimbs"}) {
            entered.put(region, Map.of("erythema", 1, "oedemaPapulation", 1, "excoriation", 1, "lichenification", 1, "areaPercent", 100));
        }
        // each region: 4 x area 6 = 24, weights sum to 1 -> 24
        assertThat(ComponentEntry.read(Instrument.EASI, entered, 30).value()).isEqualByComparingTo("24");
    }

    @Test
    void everyBadFieldIsRefusedAtOnceWithTheCalculatorsWording() {
        Map<String, Object> entered = new LinkedHashMap<>(lowest(Instrument.EASI));
        entered.put("headNeck.erythema", 3.2);
        entered.remove("trunk.areaPercent");
        entered.put("trunk.excoriation", "a lot");
        entered.put("face.erythema", 1);

        assertThatThrownBy(() -> ComponentEntry.read(Instrument.EASI, entered, 30)).isInstanceOfSatisfying(DomainProblem.class, p -> {
            assertThat(p.title()).isEqualTo("Invalid EASI components");
            assertThat(p.fieldErrors()).containsOnlyKeys("headNeck.erythema", "trunk.areaPercent", "trunk.excoriation", "face.erythema");
            assertThat(p.fieldErrors().get("headNeck.erythema")).isEqualTo("must be from 0 to 3 in half points (0, 0.5, 1, ...), was 3.2");
            assertThat(p.fieldErrors().get("trunk.areaPercent")).startsWith("required");
            assertThat(p.fieldErrors().get("trunk.excoriation")).contains("must be a number", "\"a lot\"");
            assertThat(p.fieldErrors().get("face.erythema")).isEqualTo("is not a component of EASI");
        });
    }

    @Test
    void wholeNumberFieldsRefuseFractions() {
        Map<String, Object> entered = new LinkedHashMap<>(lowest(Instrument.DLQI));
        entered.put("sport", 1.5);
        assertRefused(() -> ComponentEntry.read(Instrument.DLQI, entered, null), "sport", "whole number from 0 to 3, was 1.5");
    }

    @Test
    void gaisIsARatingWithoutANumber() {
        ComponentEntry.Result result = ComponentEntry.read(Instrument.GAIS, Map.of("rating", "much improved"), null);
        assertThat(result.value()).isNull();
        assertThat(result.band()).isEqualTo("much improved");
        assertThat(result.components()).containsEntry("rating", "MUCH_IMPROVED");
        assertThat(result.score()).isEmpty();
        assertRefused(() -> ComponentEntry.read(Instrument.GAIS, Map.of("rating", "better"), null), "rating", "very much improved",
                "was \"better\"");
    }

    @Test
    void cutometerGivesR2AsValueAndTheThreeRatios() {
        ComponentEntry.Result result = ComponentEntry.read(Instrument.CUTOMETER, Map.of("ua", 0.6, "uf", 0.8, "ur", 0.3, "ue", 0.5), null);
        assertThat(result.value()).isEqualByComparingTo("0.75");
        assertThat(result.parts()).containsOnlyKeys("R2", "R5", "R7");
        assertThat(result.parts().get("R7")).isEqualByComparingTo("0.375");
    }

    @Test
    void bandsForDrawing() {
        assertThat(ComponentEntry.bands(Instrument.EASI)).contains(Easi.BANDS);
        assertThat(ComponentEntry.bands(Instrument.PASI)).isEmpty();
        assertThat(ComponentEntry.bands(Instrument.CORNEOMETER).orElseThrow().label(new BigDecimal("44.9"))).isEqualTo("dry");
    }

    /** Every field at its lowest value (the first rating for a category). */
    private static Map<String, Object> lowest(Instrument instrument) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ComponentEntry.Field field : ComponentEntry.fields(instrument)) {
            Object value = switch (field.type()) {
                case CATEGORY -> field.choices().get(0).value();
                case POSITIVE -> 0.5;
                default -> field.min();
            };
            values.put(field.name(), value);
        }
        return values;
    }
}

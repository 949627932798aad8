package org.exotrace.specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasurementUnitsUnitTest {

    @Test
    void oneMicrometreIsAThousandNanometres() {
        assertThat(MeasurementUnits.convert(1, "µm", "nm")).isEqualTo(1000.0);
        assertThat(MeasurementUnits.convert(1000, "nm", "µm")).isEqualTo(1.0);
    }

    @Test
    void oneParticlePerMicrolitreIsAThousandParticlesPerMillilitre() {
        assertThat(MeasurementUnits.convert(1, "particles/µL", "particles/mL")).isEqualTo(1000.0);
    }

    @Test
    void oneMilligramPerMillilitreIsAThousandMicrogramsPerMillilitre() {
        assertThat(MeasurementUnits.convert(1, "mg/mL", "µg/mL")).isEqualTo(1000.0);
        assertThat(MeasurementUnits.convert(1500, "ng/mL", "µg/mL")).isEqualTo(1.5);
    }

    @Test
    void particlesPerMilligramAreAThousandthOfParticlesPerMicrogram() {
        assertThat(MeasurementUnits.convert(3e13, "particles/mg", "particles/µg")).isEqualTo(3e10);
    }

    @Test
    void scaledCountAsOnAnInstrumentReportConvertsToParticles() {
        assertThat(MeasurementUnits.convert(7.5, "x10^9 particles", "particles")).isEqualTo(7.5e9);
        assertThat(MeasurementUnits.convert(2, "×10^9 particles/mL", "particles/mL")).isEqualTo(2e9);
        assertThat(MeasurementUnits.normalise("x10^9 particles")).isEqualTo("10^9 particles");
    }

    @Test
    void plainNumberIsACountOfParticles() {
        assertThat(MeasurementUnits.normalise("")).isEqualTo("particles");
        assertThat(MeasurementUnits.convert(8e9, "", "particles")).isEqualTo(8e9);
    }

    @ParameterizedTest
    @CsvSource({
        "um, µm", "μm, µm", "µm, µm", "micron, µm",
        "ug/ml, µg/mL", "μg/mL, µg/mL", "MG/ML, mg/mL",
        "EU/ml, EU/mL", "particles/ml, particles/mL", "p/mL, particles/mL", "/mL, particles/mL",
        "particles / uL, particles/µL", "p/ug, particles/µg", "uL, µL", "ml, mL",
        "degC, °C", "ºC, °C", "percent, %"
    })
    void commonSpellingsNormaliseToTheCanonicalUnit(String spelling, String canonical) {
        assertThat(MeasurementUnits.normalise(spelling)).isEqualTo(canonical);
    }

    @Test
    void greekMuMicroSignAndLetterUAreTheSamePrefix() {
        assertThat(MeasurementUnits.compatible("μm", "um")).isTrue();
        assertThat(MeasurementUnits.convert(2, "μm", "um")).isEqualTo(2.0);
    }

    @Test
    void unitsOfDifferentQuantitiesAreNotCompatible() {
        assertThat(MeasurementUnits.compatible("nm", "mL")).isFalse();
        assertThat(MeasurementUnits.compatible("particles", "particles/mL")).isFalse();
        assertThat(MeasurementUnits.compatible("°C", "%")).isFalse();
    }

    @Test
    void incompatibleUnitIsRefusedNamingTheTestAndTheUsableUnits() {
        TestDefinition sizeMode = QualityFixtures.test("size_mode");

        assertThatThrownBy(() -> MeasurementUnits.convert(1, "kg", sizeMode))
                .isInstanceOf(IncompatibleUnit.class)
                .hasMessage("unit 'kg' cannot be converted to 'nm' (test size_mode); use one of: nm, µm");
    }

    @Test
    void incompatibleUnitWithoutTestNamesTheUsableUnits() {
        assertThatThrownBy(() -> MeasurementUnits.convert(1, "EU/mL", "mg/mL"))
                .isInstanceOf(IncompatibleUnit.class)
                .hasMessage("unit 'EU/mL' cannot be converted to 'mg/mL'; use one of: ng/mL, µg/mL, mg/mL");
    }

    @Test
    void unknownUnitIsKeptAsWrittenAndConvertsOnlyToItself() {
        assertThat(MeasurementUnits.known("copies/mL")).isFalse();
        assertThat(MeasurementUnits.normalise(" copies/mL ")).isEqualTo("copies/mL");
        assertThat(MeasurementUnits.convert(5, "copies/mL", "copies/mL")).isEqualTo(5.0);
        assertThatThrownBy(() -> MeasurementUnits.convert(5, "copies/mL", "particles/mL"))
                .isInstanceOf(IncompatibleUnit.class);
    }
}

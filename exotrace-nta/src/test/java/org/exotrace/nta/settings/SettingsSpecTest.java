package org.exotrace.nta.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.SizingMethod;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The settings catalogue: one reading, one set of defaults and messages, exact round trips, today's stored rows. */
class SettingsSpecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The settings JSON as the application stored it before the catalogue (a measurement of release 0.1.0). */
    private static final String STORED_BEFORE = """
            {"source":"TRACKS","software":"exotrace-nta 0.1.0-SNAPSHOT","pixelSizeNm":166.0,"units":"px","fps":25.0,"temperatureC":22.0,\
            "viscosityMPaS":null,"waterModel":"vogel","drift":true,"method":"ml","minTrackLength":5,"motionBlur":0.16666666666666666,\
            "detectionVolumePl":84.74666666666667,"dilution":5.0,"bootstrap":50,"seed":1,"columns":["frame","particle","x","y"],\
            "calibration":{"id":"2a351960-cfe7-45b8-a6ca-57f812d5bf65","code":"CAL-2026-0001","volumePl":84.74666666666667}}""";

    private static Map<String, String> given(String... pairs) {
        Map<String, String> m = new HashMap<>(Map.of("pixelSizeNm", "166", "fps", "25", "temperatureC", "22"));
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }

    @Test
    void settingsNotGivenTakeTheCataloguesDefaults() {
        SettingsSpec.Parsed p = SettingsSpec.parse(given());
        assertThat(p.problems()).isEmpty();
        SizingSettings s = p.settings();
        assertThat(s.get(SettingsSpec.UNITS)).isEqualTo("px");
        assertThat(s.get(SettingsSpec.WATER_MODEL)).isEqualTo("vogel");
        assertThat(s.get(SettingsSpec.DRIFT)).isTrue();
        assertThat(s.get(SettingsSpec.METHOD)).isEqualTo("ml");
        assertThat(s.get(SettingsSpec.MIN_TRACK_LENGTH)).isEqualTo(5);
        // No blur and no exposure stated: R is estimated from the tracks, not assumed.
        assertThat(s.get(SettingsSpec.MOTION_BLUR)).isNull();
        assertThat(s.get(SettingsSpec.EXPOSURE_MS)).isNull();
        assertThat(s.get(SettingsSpec.BOOTSTRAP)).isEqualTo(50);
        assertThat(s.get(SettingsSpec.SEED)).isEqualTo(1L);
        assertThat(s.get(SettingsSpec.COLUMNS)).containsExactly("frame", "particle", "x", "y");
        assertThat(s.get(SettingsSpec.VISCOSITY_MPA_S)).isNull();
        assertThat(s.get(SettingsSpec.DETECTION_VOLUME_PL)).isNull();
        for (Setting<?> setting : SettingsSpec.ALL) {
            if (setting.defaultValue() != null) assertThat((Object) s.get(setting)).as(setting.name()).isEqualTo(setting.defaultValue());
        }
    }

    @Test
    void physicalSettingsHaveNoDefaultAndAreRequired() {
        SettingsSpec.Parsed p = SettingsSpec.parse(Map.of());
        assertThat(p.ok()).isFalse();
        assertThat(p.problems()).extracting(SettingProblem::field).containsExactly("pixelSizeNm", "fps", "temperatureC");
        assertThat(p.problems()).extracting(SettingProblem::key)
                .containsExactly("nta.setting.pixelSizeNm.required", "nta.setting.fps.required", "nta.setting.temperatureC.required");
        assertThat(SettingsSpec.parse(Map.of("units", "um", "fps", "25", "temperatureC", "22")).problems()).isEmpty();
    }

    @Test
    void everyMistakeIsOneProblemNamingItsFieldOptionKeyAndValue() {
        SettingsSpec.Parsed p = SettingsSpec.parse(given("fps", "0", "temperatureC", "-4", "method", "magic", "minTrackLength", "1.5",
                "columns", "a,b,c", "dilution", "0.5", "bootstrap", "5000"));
        assertThat(p.settings()).isNull();
        Map<String, SettingProblem> byField = new LinkedHashMap<>();
        p.problems().forEach(x -> byField.put(x.field(), x));
        assertThat(byField).containsOnlyKeys("fps", "temperatureC", "method", "minTrackLength", "columns", "dilution", "bootstrap");
        SettingProblem fps = byField.get("fps");
        assertThat(fps.option()).isEqualTo("--fps");
        assertThat(fps.key()).isEqualTo("nta.setting.fps.positive");
        assertThat(fps.args()).containsExactly("0");
        assertThat(fps.message()).isEqualTo("the frame rate must be a positive number, not 0");
        assertThat(fps.commandLineText()).isEqualTo("--fps: the frame rate must be a positive number, not 0");
        assertThat(byField.get("temperatureC").message()).isEqualTo("must be above freezing and below boiling (0-100 °C), not -4");
        assertThat(byField.get("temperatureC").args()).containsExactly("-4", "0", "100");
        assertThat(byField.get("method").message()).isEqualTo("must be ml (maximum likelihood) or histogram, not 'magic'");
        assertThat(byField.get("minTrackLength").message()).isEqualTo("'1.5' is not a whole number");
        assertThat(byField.get("minTrackLength").key()).isEqualTo("nta.setting.minTrackLength.whole");
        assertThat(byField.get("columns").message()).contains("four different column names");
        assertThat(byField.get("dilution").message()).isEqualTo("must be 1 (undiluted) or more, at most 1000000000, not 0.5");
        assertThat(byField.get("bootstrap").message()).isEqualTo("must be between 0 and 1000, not 5000");
        assertThat(SettingsSpec.parse(given("fps", "twenty-five")).problems().get(0).message()).isEqualTo("'twenty-five' is not a number");
        assertThat(SettingsSpec.parse(given("fps", "Infinity")).problems().get(0).message()).isEqualTo("must be a finite number");
    }

    @Test
    void aDecimalCommaAndCaseAreForgiven() {
        SizingSettings s = SettingsSpec.parse(given("fps", "29,97", "method", " Histogram ", "drift", "OFF")).settings();
        assertThat(s.get(SettingsSpec.FPS)).isEqualTo(29.97);
        assertThat(s.get(SettingsSpec.METHOD)).isEqualTo("histogram");
        assertThat(s.get(SettingsSpec.DRIFT)).isFalse();
    }

    @Test
    void textRoundTripsExactlyEvenForAwkwardDoubles() {
        SizingSettings s = SettingsSpec.parse(given("pixelSizeNm", String.valueOf(0.1 + 0.2), "fps", "1e-5", "motionBlur", String.valueOf(1.0 / 6),
                "viscosityMPaS", "0.9548", "detectionVolumePl", "84.74666666666667", "dilution", "1e9", "seed", "-9223372036854775808",
                "columns", "t, id ,px,py")).settings();
        SizingSettings back = SettingsSpec.parse(s.text()).settings();
        assertThat(back).isEqualTo(s);
        assertThat(back.get(SettingsSpec.PIXEL_SIZE_NM)).isEqualTo(0.1 + 0.2);
        assertThat(back.get(SettingsSpec.FPS)).isEqualTo(1e-5);
        assertThat(back.get(SettingsSpec.SEED)).isEqualTo(Long.MIN_VALUE);
        assertThat(back.get(SettingsSpec.COLUMNS)).containsExactly("t", "id", "px", "py");
    }

    @Test
    void storedSettingsRoundTripExactlyThroughJson() {
        SizingSettings s = SettingsSpec.parse(given("pixelSizeNm", String.valueOf(0.1 + 0.2), "motionBlur", String.valueOf(1.0 / 6),
                "detectionVolumePl", "84.74666666666667", "dilution", "5", "seed", "123456789012", "drift", "off")).settings();
        String json = JSON.writeValueAsString(s.stored());
        Map<String, Object> read = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        SizingSettings back = SettingsSpec.fromStored(read);
        assertThat(back).isEqualTo(s);
        assertThat(back.get(SettingsSpec.SEED)).isEqualTo(123456789012L);
        assertThat(back.get(SettingsSpec.DRIFT)).isFalse();
        assertThat(back.arguments()).isEqualTo(s.arguments());
    }

    @Test
    void aRowStoredBeforeTheCatalogueStillReads() {
        Map<String, Object> read = JSON.readValue(STORED_BEFORE, new TypeReference<Map<String, Object>>() {});
        SizingSettings s = SettingsSpec.fromStored(read);
        assertThat(s.get(SettingsSpec.PIXEL_SIZE_NM)).isEqualTo(166.0);
        assertThat(s.get(SettingsSpec.FPS)).isEqualTo(25.0);
        assertThat(s.get(SettingsSpec.MIN_TRACK_LENGTH)).isEqualTo(5);
        assertThat(s.get(SettingsSpec.SEED)).isEqualTo(1L);
        assertThat(s.get(SettingsSpec.DETECTION_VOLUME_PL)).isEqualTo(84.74666666666667);
        assertThat(s.get(SettingsSpec.VISCOSITY_MPA_S)).isNull();
        AnalysisSettings a = s.toAnalysisSettings();
        assertThat(a.framesPerSecond()).isEqualTo(25.0);
        assertThat(a.motionBlur()).isEqualTo(1.0 / 6);
        assertThat(a.method()).isEqualTo(SizingMethod.ML);
        assertThat(a.viscosity().source()).isNotBlank();
        assertThat(a.dilution()).isNotNull();
        // ... and written again it is the same fields with the same values.
        Map<String, Object> again = JSON.readValue(JSON.writeValueAsString(s.stored()), new TypeReference<Map<String, Object>>() {});
        for (Setting<?> setting : SettingsSpec.ALL) {
            assertThat(again.get(setting.name())).as(setting.name()).isEqualTo(read.get(setting.name()));
        }
    }

    @Test
    void theCommandArgumentsSpellOutEverySetSettingWithItsOption() {
        SizingSettings s = SettingsSpec.parse(given("viscosityMPaS", "0.955", "detectionVolumePl", "80")).settings();
        String args = String.join(" ", s.arguments());
        assertThat(args).startsWith("--units px --pixel-size-nm 166 --fps 25 --temperature-c 22 --viscosity-mpa-s 0.955")
                .contains("--detection-volume-pl 80", "--bootstrap 50", "--seed 1",
                        "--columns frame,particle,x,y")
                .doesNotContain("--dilution").doesNotContain("--motion-blur").doesNotContain("--exposure-ms");
        for (Setting<?> setting : SettingsSpec.ALL) {
            if (setting != SettingsSpec.DILUTION && setting != SettingsSpec.MOTION_BLUR && setting != SettingsSpec.EXPOSURE_MS) {
                assertThat(args).contains(setting.option() + " ");
            }
        }
    }

    @Test
    void anExposureIsReadInMillisecondsAndMayNotOutlastTheFrame() {
        SizingSettings s = SettingsSpec.parse(given("exposureMs", "4")).settings();
        assertThat(s.get(SettingsSpec.EXPOSURE_MS)).isEqualTo(4.0);
        assertThat(String.join(" ", s.arguments())).contains("--exposure-ms 4");
        AnalysisSettings a = s.toAnalysisSettings();
        assertThat(a.exposureSeconds()).isEqualTo(0.004);
        assertThat(a.motionBlur()).isNull();
        assertThat(SettingsSpec.parse(given("exposureMs", "40")).ok()).as("a full 25 fps frame").isTrue();
        SettingsSpec.Parsed tooLong = SettingsSpec.parse(given("exposureMs", "50"));
        assertThat(tooLong.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("exposureMs");
            assertThat(p.commandLineText()).contains("--exposure-ms", "longer than a frame at 25 fps (40 ms)");
        });
        assertThat(SettingsSpec.parse(given("exposureMs", "0")).problems()).singleElement()
                .satisfies(p -> assertThat(p.commandLineText()).contains("positive"));
    }

    @Test
    void inMicrometresThePixelSizeIsNotTaken() {
        SizingSettings s = SettingsSpec.parse(given("units", "um")).settings();
        assertThat(s.get(SettingsSpec.PIXEL_SIZE_NM)).isNull();
        assertThat(s.arguments()).doesNotContain("--pixel-size-nm");
    }

    @Test
    void theConcentrationSettingsAloneAreReadForAnExport() {
        SettingsSpec.Parsed p = SettingsSpec.parse(Map.of("detectionVolumePl", "80", "fps", "-1"), SettingsSpec.CONCENTRATION);
        assertThat(p.problems()).isEmpty();
        assertThat(p.settings().get(SettingsSpec.DETECTION_VOLUME_PL)).isEqualTo(80.0);
        assertThat(p.settings().get(SettingsSpec.FPS)).isNull();
    }

    @Test
    void everySettingHasAUniqueNameAndOptionAndHelp() {
        List<Setting<?>> all = SettingsSpec.ALL;
        assertThat(all.stream().map(Setting::name).distinct().count()).isEqualTo(all.size());
        assertThat(all.stream().map(Setting::option).distinct().count()).isEqualTo(all.size());
        for (Setting<?> s : all) {
            assertThat(s.option()).startsWith("--");
            assertThat(s.help()).isNotBlank();
            assertThat(s.label()).isNotBlank();
            assertThat(SettingsSpec.named(s.name())).isSameAs(s);
            assertThat(SettingsSpec.withOption(s.option())).isSameAs(s);
        }
    }
}

package org.exotrace.characterization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.settings.SettingsSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored settings of a measurement go through the library's catalogue: a row written by the
 * application before the catalogue still reads (and is written back field for field), new
 * settings round-trip exactly, and the reproducible command is the catalogue's.
 */
class NtaSettingsStorageTest {

    /** The mapper NtaMeasurements stores and reads settings with. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The settings column of the measurement in the release 0.1.0 fixture, as that release wrote it. */
    private static String storedByRelease010() throws IOException {
        try (InputStream in = NtaSettingsStorageTest.class.getResourceAsStream("/upgrade/release-0.1.0-45f13ef/data/nta_measurement.csv")) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile(",\"(\\{\"\"source\"\".*?\\}\\})\",").matcher(csv);
            assertThat(m.find()).as("the fixture's settings column").isTrue();
            return m.group(1).replace("\"\"", "\"");
        }
    }

    @Test
    void aRowStoredByAnEarlierReleaseStillReadsAndIsWrittenBackFieldForField() throws IOException {
        String stored = storedByRelease010();
        NtaSettings s = JSON.readValue(stored, NtaSettings.class);
        assertThat(s.source()).isEqualTo(NtaSource.TRACKS);
        assertThat(s.pixelSizeNm()).isEqualTo(166.0);
        assertThat(s.fps()).isEqualTo(25.0);
        assertThat(s.temperatureC()).isEqualTo(22.0);
        assertThat(s.motionBlur()).isEqualTo(1.0 / 6);
        assertThat(s.minTrackLength()).isEqualTo(5);
        assertThat(s.seed()).isEqualTo(1L);
        assertThat(s.dilution()).isEqualTo(5.0);
        assertThat(s.calibration().code()).isEqualTo("CAL-2026-0001");
        assertThat(s.calibration().validUntil()).isEqualTo(LocalDate.of(2027, 2, 25));
        AnalysisSettings a = s.toAnalysisSettings();
        assertThat(a.detectionVolume()).isNotNull();
        assertThat(a.bootstrapReplicates()).isEqualTo(50);
        assertThat(s.commandLine("serum-video-1.csv")).isEqualTo("./exotrace nta size --tracks serum-video-1.csv --units px --pixel-size-nm 166 "
                + "--fps 25 --temperature-c 22 --water-model vogel --drift on --method ml --min-track-length 5 --motion-blur 0.16666666666666666 "
                + "--detection-volume-pl 84.74666666666667 --dilution 5 --bootstrap 50 --seed 1 --columns frame,particle,x,y --json");

        JsonNode before = JSON.readTree(stored);
        tools.jackson.databind.node.ObjectNode after = (tools.jackson.databind.node.ObjectNode) JSON.readTree(JSON.writeValueAsString(s));
        // Settings added to the catalogue since that release are written as unset; they do not change its numbers.
        assertThat(after.get("exposureMs").isNull()).as("exposureMs, added in issue 12").isTrue();
        after.remove("exposureMs");
        assertThat((JsonNode) after).isEqualTo(before);
        assertThat(after.propertyNames()).containsExactlyInAnyOrderElementsOf(before.propertyNames());
    }

    @Test
    void newSettingsRoundTripExactly() {
        NtaRequest typed = new NtaRequest("TRACKS", String.valueOf(0.1 + 0.2), "px", "29.97", "36.6", "0.6913", "vogel-alt", "off", "histogram", "7",
                "0.123456789012345", "", "", "0", "-42", "t,id,px,py", "", "", "", "");
        NtaSettings s = typed.settings();
        NtaSettings calibrated = s.withCalibration(new NtaSettings.Calibration(UUID.randomUUID(), "CAL-1", 1 / 3.0, 0.01, NtaSource.TRACKS,
                "NS300", 11, 29.97, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
        for (NtaSettings settings : List.of(s, calibrated)) {
            NtaSettings back = JSON.readValue(JSON.writeValueAsString(settings), NtaSettings.class);
            assertThat(back).isEqualTo(settings);
            assertThat(back.sizing().arguments()).isEqualTo(settings.sizing().arguments());
        }
        assertThat(s.pixelSizeNm()).isEqualTo(0.1 + 0.2);
        assertThat(s.columns()).containsExactly("t", "id", "px", "py");
    }

    @Test
    void aNanoSightExportStoresOnlyItsConcentrationSettings() {
        NtaSettings s = new NtaRequest("NANOSIGHT", "", "", "", "", "", "", "", "", "", "", "80", "10", "", "", "", "", "", "", "").settings();
        Map<String, Object> stored = JSON.readValue(JSON.writeValueAsString(s), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(stored).containsEntry("source", "NANOSIGHT").containsEntry("detectionVolumePl", 80.0).containsEntry("dilution", 10.0)
                .containsEntry("fps", null).containsEntry("method", null).containsKeys(SettingsSpec.ALL.stream().map(x -> x.name()).toArray(String[]::new));
        assertThat(JSON.readValue(JSON.writeValueAsString(s), NtaSettings.class)).isEqualTo(s);
    }

    @Test
    void aNewFormShowsTheCataloguesDefaults() {
        NtaRequest blank = NtaRequest.blank(null);
        assertThat(blank.minTrackLength()).isEqualTo(SettingsSpec.MIN_TRACK_LENGTH.text(SettingsSpec.MIN_TRACK_LENGTH.defaultValue()));
        assertThat(blank.bootstrap()).isEqualTo("50");
        assertThat(blank.seed()).isEqualTo("1");
        assertThat(blank.method()).isEqualTo("ml");
        assertThat(blank.drift()).isEqualTo("on");
        assertThat(blank.units()).isEqualTo("px");
        assertThat(blank.fps()).isEmpty();
        assertThat(blank.source()).isEqualTo("TRACKS");
    }
}

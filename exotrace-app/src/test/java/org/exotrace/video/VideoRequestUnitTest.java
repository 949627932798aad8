package org.exotrace.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneOffset;
import java.util.List;
import org.exotrace.characterization.NtaRequest;
import org.exotrace.nta.detect.DetectionSettings;
import org.exotrace.nta.video.Polarity;
import org.exotrace.nta.video.VideoSettings;
import org.junit.jupiter.api.Test;

/** A video upload's settings: checked field by field, and turned into the trajectory upload its tracks become. */
class VideoRequestUnitTest {

    @Test
    void aStatedExposureSetsTheMotionBlurOfAShutterOpenForThatPartOfTheFrame() {
        VideoRequest.Checked c = new VideoRequest("166", "25", "22", "10", "NS300", "2026-12-01T10:00:00Z", "").check(ZoneOffset.UTC);
        // R = t_E / (6 Δt): 10 ms of a 40 ms frame.
        assertThat(c.motionBlur()).isCloseTo(10.0 / 40 / 6, within(1e-12));
        NtaRequest tracks = c.tracksRequest();
        assertThat(tracks.source()).isEqualTo("TRACKS");
        assertThat(tracks.units()).isEqualTo("px");
        assertThat(Double.parseDouble(tracks.motionBlur())).isCloseTo(10.0 / 40 / 6, within(1e-12));
        assertThat(tracks.settings().pixelSizeNm()).isEqualTo(166.0);
        assertThat(tracks.settings().fps()).isEqualTo(25.0);
        assertThat(tracks.settings().detectionVolumePl()).as("sizes only").isNull();
        assertThat(tracks.measuredAtInstant(ZoneOffset.UTC)).isEqualTo(c.measuredAt());
    }

    @Test
    void withoutAnExposureTheBlurIsLeftToTheAnalysis() {
        VideoRequest.Checked c = new VideoRequest("166", "25", "22", " ", "", "", "").check(ZoneOffset.UTC);
        assertThat(c.exposureMs()).isNull();
        assertThat(c.motionBlur()).isNull();
        assertThat(c.tracksRequest().motionBlur()).isEmpty();
    }

    @Test
    void refusesEveryWrongFieldAtOnce() {
        assertThatThrownBy(() -> new VideoRequest("", "25", "abc", "50", "", "2099-01-01T00:00:00Z", "").check(ZoneOffset.UTC))
                .isInstanceOfSatisfying(VideoRefused.class, r -> {
                    assertThat(r.fieldErrors()).containsKeys("pixelSizeNm", "temperatureC", "measuredAt");
                    assertThat(r.problems()).anySatisfy(p -> {
                        assertThat(p.field()).isEqualTo("pixelSizeNm");
                        assertThat(p.key()).isEqualTo("characterization.video.error.required");
                    });
                });
        // 50 ms does not fit in a 40 ms frame.
        assertThatThrownBy(() -> new VideoRequest("166", "25", "22", "50", "", "", "").check(ZoneOffset.UTC))
                .isInstanceOfSatisfying(VideoRefused.class, r -> assertThat(r.fieldErrors().get("exposureMs")).contains("40.0 ms"));
        assertThatThrownBy(() -> new VideoRequest("166", "25", "22", "0", "", "", "").check(ZoneOffset.UTC))
                .isInstanceOfSatisfying(VideoRefused.class, r -> assertThat(r.fieldErrors()).containsKey("exposureMs"));
    }

    @Test
    void blankDetectionFieldsLeaveEveryChoiceToTheLibrary() {
        VideoRequest.Checked c = new VideoRequest("166", "25", "22", "", "", "", "", "", " ", "").check(ZoneOffset.UTC);
        assertThat(c.detection()).isEqualTo(Detection.automatic());
        VideoSettings s = c.detection().applyTo(VideoSettings.of(166, 25, 22, null));
        assertThat(s.polarity()).isEqualTo(Polarity.AUTO);
        assertThat(s.detection()).isEqualTo(DetectionSettings.automatic());
        // "auto" is the select's default: the same as blank.
        assertThat(new VideoRequest("166", "25", "22", "", "", "", "", "auto", "", "").check(ZoneOffset.UTC).detection())
                .isEqualTo(Detection.automatic());
    }

    @Test
    void statedDetectionChoicesReachTheTrackingSettings() {
        VideoRequest.Checked c = new VideoRequest("166", "25", "22", "", "", "", "", "DARK", " 9 ", "6,5").check(ZoneOffset.UTC);
        assertThat(c.detection()).isEqualTo(new Detection(Polarity.DARK, 9, 6.5));
        VideoSettings s = c.detection().applyTo(VideoSettings.of(166, 25, 22, null));
        assertThat(s.polarity()).isEqualTo(Polarity.DARK);
        assertThat(s.detection().featureDiameterPx()).isEqualTo(9);
        assertThat(s.detection().featureSizeAutomatic()).isFalse();
        assertThat(s.detection().thresholdSigma()).isEqualTo(6.5);
        assertThat(s.pixelSizeNm()).isEqualTo(166.0);
    }

    @Test
    void eachWrongDetectionFieldGetsItsOwnMessage() {
        assertThatThrownBy(() -> new VideoRequest("166", "25", "22", "", "", "", "", "grey", "8", "0.5").check(ZoneOffset.UTC))
                .isInstanceOfSatisfying(VideoRefused.class, r -> {
                    assertThat(r.fieldErrors()).containsOnlyKeys("particles", "featureDiameterPx", "thresholdSigma");
                    assertThat(r.problems()).extracting(VideoRefused.Problem::key).containsExactly("characterization.video.error.particles",
                            "characterization.video.error.featureDiameter", "characterization.video.error.threshold");
                    assertThat(r.fieldErrors().get("particles")).contains("auto, bright or dark", "grey");
                    assertThat(r.fieldErrors().get("featureDiameterPx")).contains("odd", "3 to 99", "'8'");
                    assertThat(r.fieldErrors().get("thresholdSigma")).contains("1 to 100", "default 5");
                });
        // The library's limits, each side: 0 is not how a person asks for the frames' choice, 101 px is too wide, 7.0 is not whole.
        for (String diameter : List.of("0", "1", "-3", "101", "7.0", "seven")) {
            assertThatThrownBy(() -> new VideoRequest("166", "25", "22", "", "", "", "", "", diameter, "").check(ZoneOffset.UTC))
                    .as(diameter).isInstanceOfSatisfying(VideoRefused.class, r -> assertThat(r.fieldErrors()).containsOnlyKeys("featureDiameterPx"));
        }
        for (String threshold : List.of("0", "-5", "0.99", "100.5", "NaN", "Infinity", "five")) {
            assertThatThrownBy(() -> new VideoRequest("166", "25", "22", "", "", "", "", "", "", threshold).check(ZoneOffset.UTC))
                    .as(threshold).isInstanceOfSatisfying(VideoRefused.class, r -> assertThat(r.fieldErrors()).containsOnlyKeys("thresholdSigma"));
        }
        assertThat(new VideoRequest("166", "25", "22", "", "", "", "", "bright", "3", "1").check(ZoneOffset.UTC).detection())
                .isEqualTo(new Detection(Polarity.BRIGHT, 3, 1.0));
        assertThat(new VideoRequest("166", "25", "22", "", "", "", "", "", "99", "100").check(ZoneOffset.UTC).detection())
                .isEqualTo(new Detection(null, 99, 100.0));
    }

    @Test
    void aWrongDetectionFieldIsNamedWithTheOtherWrongFields() {
        assertThatThrownBy(() -> new VideoRequest("", "25", "22", "", "", "", "", "", "4", "").check(ZoneOffset.UTC))
                .isInstanceOfSatisfying(VideoRefused.class, r -> assertThat(r.fieldErrors()).containsOnlyKeys("pixelSizeNm", "featureDiameterPx"));
    }

    @Test
    void namesTheTracksAfterTheVideo() {
        assertThat(VideoJobs.tracksName("run 3.avi")).isEqualTo("run 3-tracks.csv");
        assertThat(VideoJobs.tracksName("frames")).isEqualTo("frames-tracks.csv");
    }
}

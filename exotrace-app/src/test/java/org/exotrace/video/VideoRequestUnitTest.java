package org.exotrace.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneOffset;
import org.exotrace.characterization.NtaRequest;
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
    void namesTheTracksAfterTheVideo() {
        assertThat(VideoJobs.tracksName("run 3.avi")).isEqualTo("run 3-tracks.csv");
        assertThat(VideoJobs.tracksName("frames")).isEqualTo("frames-tracks.csv");
    }
}

package org.exotrace.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackSizesUnitTest {

    @Test
    void theCsvReadsBackToTheSameTracksToItsPrintedDigitsWithUnknownsAsEmptyFields() throws Exception {
        TrackSizes sizes = new TrackSizes(List.of(new TrackSizes.Track(7, 42, 1.234567891, 0.1234567, 345.678, 12345.678),
                new TrackSizes.Track(9, 5, -0.05, 0.4, Double.NaN, Double.NaN)));
        StringWriter out = new StringWriter();
        sizes.writeCsv(out);

        assertThat(out.toString().lines().toList()).containsExactly(TrackSizes.HEADER, "7,42,1.23457,0.123,345.7,1.235e+04", "9,5,-0.0500000,0.400,,");
        TrackSizes back = TrackSizes.readCsv(new StringReader(out.toString()));
        TrackSizes.Track first = back.tracks().get(0);
        assertThat(first.particle()).isEqualTo(7);
        assertThat(first.positions()).isEqualTo(42);
        assertThat(first.diffusionUm2PerS()).isCloseTo(1.23457, within(1e-12));
        assertThat(first.diameterNm()).isEqualTo(345.7);
        assertThat(first.meanMass()).isEqualTo(12350);
        assertThat(first.plottable()).isTrue();
        assertThat(back.tracks().get(1).diameterNm()).isNaN();
        assertThat(back.tracks().get(1).meanMass()).isNaN();
        assertThat(back.tracks().get(1).plottable()).isFalse();
    }
}

package org.exotrace.nta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryRoundTripTest {

    record Row(int frame, long particle, double xUm, double yUm) {}

    private static List<Row> randomTracks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int frame = 0; frame < 50; frame++) {
            for (long particle = 0; particle < 20; particle++) {
                rows.add(new Row(frame, particle * 1_000_003L, random.nextDouble(-5, 80), random.nextDouble(0, 60)));
            }
        }
        return rows;
    }

    private static List<Row> roundTrip(List<Row> rows, TrajectoryFormat format) throws IOException {
        StringWriter text = new StringWriter();
        try (TrajectoryWriter writer = new TrajectoryWriter(text, format)) {
            rows.forEach(r -> writer.position(r.frame(), r.particle(), r.xUm(), r.yUm()));
            assertThat(writer.rows()).isEqualTo(rows.size());
        }
        List<Row> back = new ArrayList<>();
        new TrajectoryReader(format).read(new StringReader(text.toString()),
                (f, p, x, y) -> back.add(new Row(f, p, x, y)));
        return back;
    }

    @Test
    void micrometreFilesRoundTripExactly() throws IOException {
        List<Row> rows = randomTracks(1);
        assertThat(roundTrip(rows, TrajectoryFormat.trackpy())).isEqualTo(rows);
    }

    @Test
    void pixelFilesRoundTripToWithinRounding() throws IOException {
        List<Row> rows = randomTracks(2);
        List<Row> back = roundTrip(rows, TrajectoryFormat.trackpy(166.3));
        assertThat(back).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(back.get(i).frame()).isEqualTo(rows.get(i).frame());
            assertThat(back.get(i).particle()).isEqualTo(rows.get(i).particle());
            assertThat(back.get(i).xUm()).isCloseTo(rows.get(i).xUm(), within(1e-12));
            assertThat(back.get(i).yUm()).isCloseTo(rows.get(i).yUm(), within(1e-12));
        }
    }

    @Test
    void writesPixelsAsMicrometresOverPixelSize(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tracks.csv");
        try (TrajectoryWriter writer = TrajectoryWriter.create(file, TrajectoryFormat.trackpy(250))) {
            writer.position(3, 9, 1.0, 0.125);
        }
        assertThat(Files.readString(file)).isEqualTo("frame,particle,x,y\n3,9,4.0,0.5\n");
    }
}

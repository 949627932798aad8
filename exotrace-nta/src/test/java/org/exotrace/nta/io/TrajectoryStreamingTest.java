package org.exotrace.nta.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a generated two-million-row trackpy file (2000 frames of 1000 particles, pixel units,
 * extra columns as trackpy writes them) and checks every value arrived through a checksum.
 */
class TrajectoryStreamingTest {

    private static final int FRAMES = 2000;
    private static final int PARTICLES = 1000;
    private static final double PIXEL_SIZE_NM = 250;

    /** Sums that change if any row is lost, repeated, reordered in value or misparsed. */
    private static final class Checksum implements PositionSink {
        long rows;
        long frames;
        long particles;
        double weightedX;
        double weightedY;

        @Override
        public void position(int frame, long particle, double xUm, double yUm) {
            rows++;
            frames += frame;
            particles += particle * (rows % 7 + 1);
            weightedX += xUm * (frame % 13);
            weightedY += yUm * (particle % 11);
        }
    }

    /** Writes {@code thousandths / 1000} as a plain decimal with three fraction digits. */
    private static StringBuilder appendThousandths(StringBuilder line, int thousandths) {
        int fraction = thousandths % 1000;
        line.append(thousandths / 1000).append('.');
        if (fraction < 100) line.append('0');
        if (fraction < 10) line.append('0');
        return line.append(fraction);
    }

    @Test
    void readsTwoMillionRowsIntoTheSinkWithAnExactChecksum(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tracks.csv");
        Checksum expected = new Checksum();
        double umPerPixel = PIXEL_SIZE_NM / 1000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(",y,x,mass,size,ecc,signal,frame,particle\n");
            StringBuilder line = new StringBuilder(80);
            long index = 0;
            for (int frame = 0; frame < FRAMES; frame++) {
                for (int particle = 0; particle < PARTICLES; particle++) {
                    int xMilli = (particle * 7919 + frame * 31) % 1_000_000;
                    int yMilli = (particle * 104_729 + frame * 17) % 800_000;
                    line.setLength(0);
                    line.append(index++).append(',');
                    appendThousandths(line, yMilli).append(',');
                    appendThousandths(line, xMilli).append(',');
                    line.append("812.5,1.21,0.05,33.1,").append(frame).append(',').append(particle).append('\n');
                    out.append(line);
                    expected.position(frame, particle, xMilli / 1000.0 * umPerPixel, yMilli / 1000.0 * umPerPixel);
                }
            }
        }

        Checksum actual = new Checksum();
        long rows = new TrajectoryReader(TrajectoryFormat.trackpy(PIXEL_SIZE_NM)).read(file, actual);

        assertThat(rows).isEqualTo((long) FRAMES * PARTICLES);
        assertThat(actual.rows).isEqualTo(rows);
        assertThat(actual.frames).isEqualTo(expected.frames);
        assertThat(actual.particles).isEqualTo(expected.particles);
        assertThat(actual.weightedX).isEqualTo(expected.weightedX);
        assertThat(actual.weightedY).isEqualTo(expected.weightedY);
    }
}

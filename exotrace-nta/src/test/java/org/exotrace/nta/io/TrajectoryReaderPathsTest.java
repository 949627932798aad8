package org.exotrace.nta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader converts plain ASCII rows in place and sends every other line through its general
 * path; files are read as bytes and Readers encoded to UTF-8. Whatever the route, the rows must
 * be those Double.parseDouble gives.
 */
class TrajectoryReaderPathsTest {

    record Row(int frame, long particle, double xUm, double yUm) {}

    private static List<Row> read(Reader in, TrajectoryFormat format) throws IOException {
        List<Row> rows = new ArrayList<>();
        new TrajectoryReader(format).read(in, (f, p, x, y) -> rows.add(new Row(f, p, x, y)));
        return rows;
    }

    private static List<Row> read(Path file, TrajectoryFormat format) throws IOException {
        List<Row> rows = new ArrayList<>();
        new TrajectoryReader(format).read(file, (f, p, x, y) -> rows.add(new Row(f, p, x, y)));
        return rows;
    }

    /** A number in one of the spellings files contain, and the double it must become. */
    private static String number(SplittableRandom random) {
        double v = random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4));
        return switch (random.nextInt(9)) {
            case 0 -> Double.toString(v);
            case 1 -> String.format("%.3f", v);
            case 2 -> String.format("%.6e", v);
            case 3 -> String.format("%.17g", v).trim();
            case 4 -> String.format("%.25f", v);                       // more than 19 digits: general path
            case 5 -> "+" + String.format("%.4f", Math.abs(v));
            case 6 -> (v < 0 ? "-" : "") + String.format("%.5f", Math.abs(v) % 1).substring(1); // ".12345"
            case 7 -> String.format("%d.", (long) v);                  // "12."
            default -> String.format("%.2E", v).replace("E", "e");
        };
    }

    @Test
    void everySpellingGivesParseDoublesValueThroughFilesAndReaders(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        StringBuilder csv = new StringBuilder("particle,frame,x,mass,y,note\n");
        List<Row> expected = new ArrayList<>();
        double umPerPixel = 0.1663;
        for (int frame = 0; frame < 400; frame++) {
            for (long particle = 0; particle < 25; particle++) {
                String x = number(random);
                String y = number(random);
                String frameText = random.nextInt(10) == 0 ? frame + ".0" : Integer.toString(frame);
                String note = switch (random.nextInt(20)) {
                    case 0 -> "café";          // non-ASCII bytes in an ignored column: general path
                    case 1 -> "  spaced  ";
                    default -> "n";
                };
                String pad = random.nextInt(15) == 0 ? " " : "";
                csv.append(particle).append(',').append(frameText).append(',').append(pad).append(x).append(pad)
                        .append(",1.5,").append(y).append(',').append(note).append(random.nextInt(7) == 0 ? "\r\n" : "\n");
                expected.add(new Row(frame, particle, Double.parseDouble(x) * umPerPixel, Double.parseDouble(y) * umPerPixel));
            }
        }
        TrajectoryFormat format = TrajectoryFormat.trackpy(166.3);
        Path file = dir.resolve("tracks.csv");
        Files.writeString(file, "\uFEFF" + csv, StandardCharsets.UTF_8);

        assertThat(read(file, format)).isEqualTo(expected);
        assertThat(read(new StringReader(csv.toString()), format)).isEqualTo(expected);
        assertThat(read(new OneCharAtATime(csv.toString()), format)).isEqualTo(expected);
    }

    @Test
    void tabSeparatedFilesWithSurrogatePairsInOtherColumnsAreRead(@TempDir Path dir) throws IOException {
        String tsv = "frame\tparticle\tx\ty\tlabel\n0\t1\t1.5\t2.5\t\uD83D\uDE00\n1\t1\t1.75\t2.25\tok\n";
        List<Row> expected = List.of(new Row(0, 1, 1.5, 2.5), new Row(1, 1, 1.75, 2.25));
        Path file = dir.resolve("tracks.tsv");
        Files.writeString(file, tsv, StandardCharsets.UTF_8);
        assertThat(read(file, TrajectoryFormat.trackpy())).isEqualTo(expected);
        assertThat(read(new OneCharAtATime(tsv), TrajectoryFormat.trackpy())).isEqualTo(expected);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "frame,particle,x,y,note\n0,1,2,3,ok\n1,1,2,3,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> read(file, TrajectoryFormat.trackpy()))
                .isInstanceOf(TrajectoryFormatException.class)
                .hasMessageContainingAll("line 3", "not UTF-8", "CSV UTF-8");
        Files.write(file, new byte[] {'f', 'r', (byte) 0xff, 'm', 'e', '\n'});
        assertThatThrownBy(() -> read(file, TrajectoryFormat.trackpy()))
                .isInstanceOf(TrajectoryFormatException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void errorsNameTheSameLinesWhenReadFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "frame,particle,x,y\n0,1,0,0\n5,1,0,0\n4,2,0,0\n3,1,0,0\n");
        assertThatThrownBy(() -> read(file, TrajectoryFormat.trackpy()))
                .isInstanceOf(TrajectoryFormatException.class)
                .hasMessageContainingAll("line 5", "field 'frame'", "particle 1", "frame 3 comes after frame 5");
        Files.writeString(file, "frame,particle,x,y\n0,1,0,0\n1,1,-inf,0\n");
        assertThatThrownBy(() -> read(file, TrajectoryFormat.trackpy()))
                .hasMessageContainingAll("line 3", "field 'x'", "'-inf' is not a finite number");
        Files.writeString(file, "frame,particle,x,y\n0,1,0,0\n1,1,0,1e400\n");
        assertThatThrownBy(() -> read(file, TrajectoryFormat.trackpy()))
                .hasMessageContainingAll("line 3", "field 'y'", "'1e400' is not a finite number");
        Files.writeString(file, "frame,particle,x,y\n0,1,0,0\n\t\t\t\n");
        assertThat(read(file, TrajectoryFormat.trackpy())).hasSize(1);
    }

    @Test
    void aRowAfterABlankLineOfDelimitersIsRefused() {
        // Tabs are whitespace: a row of only tab delimiters is a blank line, and data after it is refused.
        assertThatThrownBy(() -> read(new StringReader("frame\tparticle\tx\ty\n0\t1\t0\t0\n\t\t\t\n1\t1\t0\t0\n"), TrajectoryFormat.trackpy()))
                .hasMessageContainingAll("line 3", "blank line", "line 4");
    }

    /** A Reader that returns one character per call, as some streams do. */
    private static final class OneCharAtATime extends Reader {
        private final String text;
        private int position;

        OneCharAtATime(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == text.length()) return -1;
            buffer[offset] = text.charAt(position++);
            return 1;
        }

        @Override
        public void close() {
        }
    }
}

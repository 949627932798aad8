package org.exotrace.nta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryReaderTest {

    record Row(int frame, long particle, double xUm, double yUm) {}

    private static List<Row> read(String csv, TrajectoryFormat format) throws IOException {
        List<Row> rows = new ArrayList<>();
        long count = new TrajectoryReader(format).read(new StringReader(csv),
                (frame, particle, x, y) -> rows.add(new Row(frame, particle, x, y)));
        assertThat(count).isEqualTo(rows.size());
        return rows;
    }

    private static TrajectoryFormatException failure(String csv) {
        return catchThrowableOfType(() -> read(csv, TrajectoryFormat.trackpy()), TrajectoryFormatException.class);
    }

    @Test
    void readsTrackpyColumnsByNameIgnoringOthersAndTheirOrder() throws IOException {
        String csv = """
                ,y,x,mass,size,frame,particle
                0,2.5,1.25,100.0,1.2,0,7
                1,3.5,1.75,101.0,1.3,1,7
                2,9.0,8.0,99.5,1.1,1,8
                """;
        assertThat(read(csv, TrajectoryFormat.trackpy())).containsExactly(
                new Row(0, 7, 1.25, 2.5), new Row(1, 7, 1.75, 3.5), new Row(1, 8, 8.0, 9.0));
    }

    @Test
    void convertsPixelsToMicrometresWithThePixelSize() throws IOException {
        String csv = "frame,particle,x,y\n0,1,12.5,-4\n1,1,13,0.5\n";
        assertThat(read(csv, TrajectoryFormat.trackpy(250.0))).containsExactly(
                new Row(0, 1, 3.125, -1.0), new Row(1, 1, 3.25, 0.125));
    }

    @Test
    void pixelConversionIsExactlyCoordinateTimesPixelSizeOverOneThousand() throws IOException {
        double pixelSizeNm = 166.3;
        String csv = "frame,particle,x,y\n0,1,512.337,0.1\n";
        Row row = read(csv, TrajectoryFormat.trackpy(pixelSizeNm)).get(0);
        assertThat(row.xUm()).isEqualTo(512.337 * (pixelSizeNm / 1000));
        assertThat(row.yUm()).isEqualTo(0.1 * (pixelSizeNm / 1000));
    }

    @Test
    void usesConfiguredColumnNames() throws IOException {
        String csv = "t,id,px,py\n3,42,1.5,2.5\n";
        TrajectoryFormat format = TrajectoryFormat.trackpy().withColumns("t", "id", "px", "py");
        assertThat(read(csv, format)).containsExactly(new Row(3, 42, 1.5, 2.5));
    }

    @Test
    void parsesNumbersExactlyLikeDoubleParseDouble() throws IOException {
        String[] values = {"0.1", "-0.0", "123456789.123456789", "1e-7", "1.5E3", "9007199254740993", "0.30000000000000004",
            "+2.5", "7.", "000.5", "1234567890123456789012"};
        StringBuilder csv = new StringBuilder("frame,particle,x,y\n");
        for (int i = 0; i < values.length; i++) {
            csv.append(i).append(",1,").append(values[i]).append(",0\n");
        }
        List<Row> rows = read(csv.toString(), TrajectoryFormat.trackpy());
        for (int i = 0; i < values.length; i++) {
            assertThat(rows.get(i).xUm()).as(values[i]).isEqualTo(Double.parseDouble(values[i]));
        }
    }

    @Test
    void acceptsTabsBomCrlfAndTrailingBlankLines() throws IOException {
        String csv = "\uFEFFframe\tparticle\tx\ty\r\n0\t1\t1.5\t2.5\r\n1\t1\t1.5\t2.5\r\n\r\n\n";
        assertThat(read(csv, TrajectoryFormat.trackpy())).hasSize(2);
    }

    @Test
    void acceptsIntegralDecimalFramesAsPandasWritesThem() throws IOException {
        assertThat(read("frame,particle,x,y\n4.0,2.0,0,0\n", TrajectoryFormat.trackpy()))
                .containsExactly(new Row(4, 2, 0, 0));
    }

    @Test
    void readsALastLineWithoutNewline() throws IOException {
        assertThat(read("frame,particle,x,y\n0,1,2,3", TrajectoryFormat.trackpy())).containsExactly(new Row(0, 1, 2, 3));
    }

    @Test
    void namesTheMissingColumnAndListsTheHeader() {
        TrajectoryFormatException e = failure("frame,x,y,mass\n0,1,2,3\n");
        assertThat(e.lineNumber()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("particle");
        assertThat(e).hasMessageContainingAll("line 1", "missing column 'particle'", "[frame, x, y, mass]");
    }

    @Test
    void refusesAMalformedNumberNamingLineAndField() {
        TrajectoryFormatException e = failure("frame,particle,x,y\n0,1,2,3\n1,1,2.5.1,3\n");
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e).hasMessageContainingAll("line 3", "field 'x'", "malformed number '2.5.1'");
    }

    @Test
    void refusesAMalformedFrame() {
        assertThat(failure("frame,particle,x,y\nseven,1,2,3\n"))
                .hasMessageContainingAll("line 2", "field 'frame'", "malformed number 'seven'");
    }

    @Test
    void refusesAFractionalParticleId() {
        assertThat(failure("frame,particle,x,y\n0,1.5,2,3\n"))
                .hasMessageContainingAll("line 2", "field 'particle'", "'1.5' is not an integer");
    }

    @Test
    void refusesAnEmptyValue() {
        assertThat(failure("frame,particle,x,y\n0,1,,3\n"))
                .hasMessageContainingAll("line 2", "field 'x'", "empty value");
    }

    @Test
    void refusesNaN() {
        assertThat(failure("frame,particle,x,y\n0,1,2,NaN\n"))
                .hasMessageContainingAll("line 2", "field 'y'", "'NaN' is not a finite number");
    }

    @Test
    void refusesPandasNanAndInfinitySpellings() {
        assertThat(failure("frame,particle,x,y\n0,1,nan,3\n")).hasMessageContainingAll("line 2", "field 'x'", "not a finite number");
        assertThat(failure("frame,particle,x,y\n0,1,2,-inf\n")).hasMessageContainingAll("line 2", "field 'y'", "not a finite number");
        assertThat(failure("frame,particle,x,y\n0,1,Infinity,3\n")).hasMessageContainingAll("line 2", "field 'x'", "not a finite number");
        assertThat(failure("frame,particle,x,y\n0,1,1e999,3\n")).hasMessageContainingAll("line 2", "field 'x'", "not a finite number");
    }

    @Test
    void refusesJavaOnlyNumberSyntax() {
        assertThat(failure("frame,particle,x,y\n0,1,2.5d,3\n")).hasMessageContainingAll("line 2", "field 'x'", "malformed number");
        assertThat(failure("frame,particle,x,y\n0,1,0x1p3,3\n")).hasMessageContainingAll("line 2", "field 'x'", "malformed number");
    }

    @Test
    void refusesANegativeFrame() {
        assertThat(failure("frame,particle,x,y\n0,1,2,3\n-1,2,2,3\n"))
                .hasMessageContainingAll("line 3", "field 'frame'", "negative frame -1");
    }

    @Test
    void refusesAParticleWhoseFramesGoBackwards() {
        TrajectoryFormatException e = failure("frame,particle,x,y\n0,1,0,0\n5,1,0,0\n4,2,0,0\n3,1,0,0\n");
        assertThat(e.lineNumber()).isEqualTo(5);
        assertThat(e).hasMessageContainingAll("line 5", "field 'frame'", "particle 1", "frame 3 comes after frame 5");
    }

    @Test
    void refusesAParticleSeenTwiceInOneFrame() {
        assertThat(failure("frame,particle,x,y\n2,1,0,0\n2,1,1,1\n"))
                .hasMessageContainingAll("line 3", "frame 2 comes after frame 2");
    }

    @Test
    void refusesARowWithTooFewOrTooManyFields() {
        assertThat(failure("frame,particle,x,y\n0,1,2\n")).hasMessageContainingAll("line 2", "expected 4 fields", "found 3");
        assertThat(failure("frame,particle,x,y\n0,1,2,3\n1,1,2,3,4\n")).hasMessageContainingAll("line 3", "expected 4 fields", "found 5");
    }

    @Test
    void refusesABlankLineFollowedByMoreData() {
        assertThat(failure("frame,particle,x,y\n0,1,2,3\n\n1,1,2,3\n"))
                .hasMessageContainingAll("line 3", "blank line", "line 4");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(failure("")).hasMessageContainingAll("line 1", "empty file");
    }

    @Test
    void refusesPixelUnitsWithoutAPixelSize() {
        assertThatThrownBy(() -> TrajectoryFormat.trackpy(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pixel size");
        assertThatThrownBy(() -> TrajectoryFormat.trackpy(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsLinesLongerThanTheBuffer() throws IOException {
        String padding = "1".repeat(200_000);
        String csv = "frame,particle,x,y,notes\n0,1,2,3," + padding + "\n1,1,2,3,x\n";
        assertThat(read(csv, TrajectoryFormat.trackpy())).hasSize(2);
    }
}

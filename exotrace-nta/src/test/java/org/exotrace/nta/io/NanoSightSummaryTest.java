package org.exotrace.nta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The ExperimentSummary layout rules on small synthetic files (two videos, three bins). */
class NanoSightSummaryTest {

    /** A minimal two-video export laid out as NTA 3.4 writes it, with trailing empty cells. */
    private static final String MINIMAL = """
            NTA Experiment Summary File,
            Created with NTA 3.4 Build 3.4.003,
            ,
            [Experiment Details],,
            Software Version,NTA 3.4 Build 3.4.003,
            Experiment Name,synthetic.nano,
            Remarks,"a, b and \"\"c\"\"",
            Filename:,vid_a,vid_b,
            ,,,
            [Conditions],,,
            Temperature/C,22.000,23.5,
            Viscosity/cP,0.95,0.93,
            Camera Level,11,12,
            Shutter/ms,22.25,22.25,
            Frame rate/fps,24.9825,24.9825,
            ,,,
            [Settings],,,
            Detection Threshold,5,6,
            Max Jump Distance,14.5,14.6,
            Min Track Length,Auto,10,
            Total frames analysed,499,499,
            [Vendor Extras]
            Sparkle,high,low,
            [Results],,,Average,Standard Error,
            Dilution factor (concentrations adjusted for this factor),1.00e+04,Not recorded,,,
            Concentration (Particles / ml),2.0e12,4.0e12,3.0e12,1.0e12,
            Particles per frame,100,120,110,10,
            Centres per frame,90,100,95,5,
            Completed tracks,4000,4100,,,
            X-Drift (pix/frame),-3.8,-3.9,,,
            Y-Drift (pix/frame),-0.0,0.1,,,
            [Concentration Warnings]
            Particles per frame,OK,Too low,
            [Size Data],,
            Analysis Method,FTLA,
            Weighting,Number,
            Filename,vid_a,vid_b,Average,Standard Error,
            Mean,100.5,103.0,101.75,1.25,
            Mode,95,98,96.5,1.5,
            SD,11,12,11.5,0.5,
            D10,88,89,88.5,0.5,
            D50,98,99,98.5,0.5,
            D90,116,117,116.5,0.5,
            Valid Tracks,1872.0,1898.0,,,
            Graph Data,
            Bin centre (nm),Concentration (particles / ml),Concentration (particles / ml),Concentration average,Standard Error,
            0.5,0,0,0,0,
            1.5,10,30,20,10,
            2.5,0,2,1,1,
            ,,,,,
            Percentile,Size (nm),Size (nm),
            50,98.0,99.0,
            """;

    private static NanoSightSummary read(String text) throws IOException {
        return NanoSightSummary.read(new StringReader(text));
    }

    private static NanoSightFormatException failure(String text) {
        return catchThrowableOfType(() -> read(text), NanoSightFormatException.class);
    }

    private static int lineOf(String text, String startOfLine) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(startOfLine)) return i + 1;
        }
        throw new AssertionError("no line starting " + startOfLine);
    }

    @Test
    void readsEveryTypedFieldOfAMinimalExport() throws IOException {
        NanoSightSummary summary = read(MINIMAL);
        assertThat(summary.experimentName()).isEqualTo("synthetic.nano");
        assertThat(summary.videos()).hasSize(2);
        NanoSightSummary.Video b = summary.videos().get(1);
        assertThat(b.filename()).isEqualTo("vid_b");
        assertThat(b.conditions()).isEqualTo(new NanoSightSummary.Conditions(23.5, 0.93, 24.9825, 12, 22.25));
        assertThat(b.settings().minTrackLength()).hasValue(10);
        assertThat(b.results().dilutionFactor()).isEmpty();
        assertThat(summary.videos().get(0).results().dilutionFactor()).hasValue(1e4);
        assertThat(summary.videos().get(0).results().yDriftPxPerFrame()).isEqualTo(-0.0);
        assertThat(b.concentrationWarnings()).containsEntry("Particles per frame", "Too low");
        assertThat(b.validTracks()).isEqualTo(1898);
        assertThat(summary.average().results()).isEqualTo(new NanoSightSummary.PooledResults(3e12, 110, 95));
        assertThat(summary.standardError().size().modeNm()).isEqualTo(1.5);
        assertThat(summary.distribution().video(1)).containsExactly(0, 30, 2);
        assertThat(summary.distribution().average()).hasValueSatisfying(a -> assertThat(a).containsExactly(0, 20, 1));
    }

    @Test
    void keepsUnknownSectionsAndQuotedCellsAsRawText() throws IOException {
        NanoSightSummary summary = read(MINIMAL);
        assertThat(summary.sections().get("Vendor Extras").get("Sparkle")).containsExactly("high", "low");
        assertThat(summary.sections().get("Experiment Details").get("Remarks")).containsExactly("a, b and \"c\"");
        assertThat(summary.sections().get("Percentile").get("50")).containsExactly("98.0", "99.0");
    }

    @Test
    void readsADistributionWithoutPooledColumns() throws IOException {
        String text = MINIMAL
                .replace("Bin centre (nm),Concentration (particles / ml),Concentration (particles / ml),Concentration average,Standard Error,",
                        "Bin centre (nm),Concentration (particles / ml),Concentration (particles / ml),")
                .replace("1.5,10,30,20,10,", "1.5,10,30,")
                .replace("0.5,0,0,0,0,", "0.5,0,0,")
                .replace("2.5,0,2,1,1,", "2.5,0,2,");
        NanoSightSummary.Distribution distribution = read(text).distribution();
        assertThat(distribution.columnLabels()).hasSize(2);
        assertThat(distribution.average()).isEmpty();
        assertThat(distribution.standardError()).isEmpty();
    }

    @Test
    void refusesAMalformedTemperatureNamingLineKeyAndVideo() {
        String text = MINIMAL.replace("Temperature/C,22.000,23.5,", "Temperature/C,22.000,23.5C,");
        NanoSightFormatException e = failure(text);
        assertThat(e.lineNumber()).isEqualTo(lineOf(text, "Temperature/C"));
        assertThat(e.key()).isEqualTo("Temperature/C");
        assertThat(e).hasMessageContainingAll("line " + lineOf(text, "Temperature/C"), "key 'Temperature/C'",
                "video 2 (vid_b)", "expected a number, found '23.5C'");
    }

    @Test
    void refusesAnEmptyPerVideoValue() {
        String text = MINIMAL.replace("Viscosity/cP,0.95,0.93,", "Viscosity/cP,,0.93,");
        assertThat(failure(text)).hasMessageContainingAll("line " + lineOf(text, "Viscosity/cP"), "key 'Viscosity/cP'",
                "video 1 (vid_a)", "found an empty cell");
    }

    @Test
    void refusesNaNInAKnownField() {
        String text = MINIMAL.replace("D50,98,99,98.5,0.5,", "D50,98,99,NaN,0.5,");
        assertThat(failure(text)).hasMessageContainingAll("line " + lineOf(text, "D50"), "key 'D50'", "Average", "found 'NaN'");
    }

    @Test
    void refusesAFractionalCameraLevel() {
        String text = MINIMAL.replace("Camera Level,11,12,", "Camera Level,11.5,12,");
        assertThat(failure(text)).hasMessageContainingAll("key 'Camera Level'", "video 1", "expected an integer, found '11.5'");
    }

    @Test
    void refusesAMinimumTrackLengthThatIsNeitherANumberNorAuto() {
        String text = MINIMAL.replace("Min Track Length,Auto,10,", "Min Track Length,Auto,sometimes,");
        assertThat(failure(text)).hasMessageContainingAll("line " + lineOf(text, "Min Track Length"),
                "expected an integer or 'Auto', found 'sometimes'");
    }

    @Test
    void refusesAMissingKnownRowNamingItsSection() {
        String text = MINIMAL.replace("Frame rate/fps,24.9825,24.9825,\n", "");
        assertThat(failure(text)).hasMessageContainingAll("line " + lineOf(text, "[Conditions]"), "key 'Frame rate/fps'",
                "missing from [Conditions]");
    }

    @Test
    void refusesResultsWithoutAnAverageColumn() {
        String text = MINIMAL.replace("[Results],,,Average,Standard Error,", "[Results],,,,Standard Error,");
        assertThat(failure(text)).hasMessageContainingAll("line " + lineOf(text, "[Results]"), "no 'Average' column");
    }

    @Test
    void refusesSizeDataForDifferentVideos() {
        String text = MINIMAL.replace("Filename,vid_a,vid_b,", "Filename,vid_a,vid_c,");
        assertThat(failure(text)).hasMessageContainingAll("key 'Filename'", "'vid_c' in [Size Data] but 'vid_b'");
    }

    @Test
    void refusesADistributionRowWithAMissingCell() {
        String text = MINIMAL.replace("1.5,10,30,20,10,", "1.5,10,30,20,");
        assertThat(failure(text)).hasMessageContainingAll("line " + lineOf(text, "1.5,"), "expected 5 cells", "found 4");
    }

    @Test
    void refusesAMalformedDistributionValueNamingItsColumn() {
        String text = MINIMAL.replace("2.5,0,2,1,1,", "2.5,0,2,one,1,");
        assertThat(failure(text)).hasMessageContainingAll("line " + lineOf(text, "2.5,"), "column 4 (Concentration average)",
                "found 'one'");
    }

    @Test
    void refusesAFileWithoutVideoFilenames() {
        String text = MINIMAL.replace("Filename:,vid_a,vid_b,", "Filename:,");
        assertThat(failure(text)).hasMessageContainingAll("key 'Filename:'", "no video filenames");
    }
}

package org.exotrace.nta.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a NanoSight NTA 3.x "ExperimentSummary.csv" export says about one sample: the videos with
 * their conditions, settings, results and size statistics, the pooled (Average and Standard
 * Error) columns, and the binned size distribution. Read it to compare our sizing with the
 * vendor's on the same videos.
 *
 * <p><b>File.</b> ISO-8859-1, comma separated, RFC 4180 quotes (the Remarks field quotes commas),
 * laid out in sections opened by a {@code [Name]} row: [Experiment Details] (with the
 * {@code Filename:} row naming one column per video), [Conditions], [Settings], [Results] (its
 * header row places the Average and Standard Error columns), [Concentration Warnings], [Size Data]
 * (per-video and pooled Mean, Mode, SD, D10, D50, D90, then "Graph Data" and a table headed
 * {@code Bin centre (nm)} running to the next blank row), then a {@code Percentile} table.
 * Per-video values are in columns 1..n in the order of the {@code Filename:} row. Trailing empty
 * cells, blank rows, unknown rows and unknown sections are accepted; every row of every section is
 * kept as text in {@link #sections()}.
 *
 * <p><b>Strictness.</b> The typed fields below must be present and be plain decimal numbers
 * (integers where stated); otherwise reading fails with a {@link NanoSightFormatException} naming
 * the line, the key and the video. "Not recorded" dilution and "Auto" minimum track length are
 * read as absent. Values are kept as the file writes them (already rounded by NTA), in the units
 * the file states: °C, cP (mPa·s), frames per second, ms, particles/mL, pixels per frame, nm.
 *
 * @param experimentName  the "Experiment Name" (the .nano file)
 * @param softwareVersion the "Software Version" field as written (NTA 3.2 writes "Unknown")
 * @param createdWith     the build from the "Created with ..." preamble line, e.g. "NTA 3.4 Build 3.4.003"; empty if absent
 * @param analysisMethod  the size analysis method, e.g. "FTLA"
 * @param weighting       the distribution weighting, e.g. "Number"
 * @param videos          one entry per video, in file order
 * @param average         the file's Average column
 * @param standardError   the file's Standard Error column (of the mean over videos)
 * @param distribution    the binned size distribution
 * @param sections        every section (name without brackets; "" for the preamble, "Percentile" for
 *                        the percentile table) mapped to its rows: first cell to the remaining
 *                        cells, trailing empty cells removed, in file order; the first row wins when
 *                        a key repeats
 */
public record NanoSightSummary(String experimentName, String softwareVersion, String createdWith,
                               String analysisMethod, String weighting, List<Video> videos,
                               Pooled average, Pooled standardError, Distribution distribution,
                               Map<String, Map<String, List<String>>> sections) {

    public NanoSightSummary {
        Objects.requireNonNull(experimentName, "experimentName");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(createdWith, "createdWith");
        Objects.requireNonNull(analysisMethod, "analysisMethod");
        Objects.requireNonNull(weighting, "weighting");
        videos = List.copyOf(videos);
        Objects.requireNonNull(average, "average");
        Objects.requireNonNull(standardError, "standardError");
        Objects.requireNonNull(distribution, "distribution");
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** Reads an ExperimentSummary.csv (ISO-8859-1). */
    public static NanoSightSummary read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(in);
        }
    }

    /** Reads an ExperimentSummary.csv from characters already decoded; does not close {@code in}. */
    public static NanoSightSummary read(Reader in) throws IOException {
        return new NanoSightSummaryParser().parse(in);
    }

    /**
     * One video of the sample.
     *
     * @param filename              the video's name in the "Filename:" row
     * @param validTracks           the [Size Data] "Valid Tracks": tracks used for sizing
     * @param concentrationWarnings the [Concentration Warnings] rows for this video (key to
     *                              NTA's verdict, "OK" or "No" when nothing is wrong), in file order
     */
    public record Video(String filename, Conditions conditions, Settings settings, Results results,
                        SizeStatistics size, int validTracks, Map<String, String> concentrationWarnings) {

        public Video {
            concentrationWarnings = Collections.unmodifiableMap(new LinkedHashMap<>(concentrationWarnings));
        }
    }

    /**
     * [Conditions] of one video.
     *
     * @param temperatureCelsius  sample temperature in °C
     * @param viscosityCentipoise viscosity NTA used, in cP (= mPa·s)
     * @param frameRateFps        camera frame rate in frames per second
     * @param cameraLevel         NTA camera level
     * @param shutterMs           exposure in ms
     */
    public record Conditions(double temperatureCelsius, double viscosityCentipoise, double frameRateFps,
                             int cameraLevel, double shutterMs) {}

    /**
     * [Settings] of one video.
     *
     * @param detectionThreshold detection threshold
     * @param minTrackLength     minimum track length in frames; empty when NTA chose it ("Auto")
     * @param maxJumpDistancePx  maximum jump distance used by the linker, in pixels
     * @param framesAnalysed     "Total frames analysed"
     */
    public record Settings(double detectionThreshold, OptionalInt minTrackLength, double maxJumpDistancePx,
                           int framesAnalysed) {}

    /**
     * [Results] of one video.
     *
     * @param dilutionFactor     the dilution the concentrations are already adjusted for; empty when "Not recorded"
     * @param concentrationPerMl concentration in particles/mL
     * @param particlesPerFrame  mean number of particles per frame
     * @param centresPerFrame    mean number of detected centres per frame
     * @param completedTracks    number of completed tracks
     * @param xDriftPxPerFrame   x drift in pixels per frame
     * @param yDriftPxPerFrame   y drift in pixels per frame
     */
    public record Results(OptionalDouble dilutionFactor, double concentrationPerMl, double particlesPerFrame,
                          double centresPerFrame, int completedTracks, double xDriftPxPerFrame,
                          double yDriftPxPerFrame) {}

    /**
     * The [Results] values NTA pools over videos (the Average and Standard Error columns are
     * empty for the others).
     *
     * @param concentrationPerMl particles/mL
     * @param particlesPerFrame  particles per frame
     * @param centresPerFrame    centres per frame
     */
    public record PooledResults(double concentrationPerMl, double particlesPerFrame, double centresPerFrame) {}

    /**
     * [Size Data] statistics, in nm.
     *
     * @param meanNm mean diameter
     * @param modeNm mode of the distribution
     * @param sdNm   standard deviation
     * @param d10Nm  10th percentile
     * @param d50Nm  median
     * @param d90Nm  90th percentile
     */
    public record SizeStatistics(double meanNm, double modeNm, double sdNm, double d10Nm, double d50Nm, double d90Nm) {}

    /** One pooled column (Average or Standard Error) of [Results] and [Size Data]. */
    public record Pooled(PooledResults results, SizeStatistics size) {}

    /**
     * The table headed "Bin centre (nm)": bin centres in nm and one value column per column the
     * file has, in its order (per video, then usually "Concentration average" and "Standard
     * Error"). Values are as NTA writes them: concentration in particles/mL in each bin. Immutable;
     * accessors return copies.
     */
    public static final class Distribution {

        private final double[] binCentresNm;
        private final List<String> columnLabels;
        private final double[][] columns;
        private final int videoCount;
        private final int averageColumn;
        private final int standardErrorColumn;

        Distribution(double[] binCentresNm, List<String> columnLabels, double[][] columns, int videoCount) {
            this.binCentresNm = binCentresNm.clone();
            this.columnLabels = List.copyOf(columnLabels);
            this.columns = new double[columns.length][];
            for (int c = 0; c < columns.length; c++) {
                this.columns[c] = columns[c].clone();
            }
            this.videoCount = videoCount;
            this.averageColumn = indexOf(columnLabels, "concentration average", videoCount);
            this.standardErrorColumn = indexOf(columnLabels, "standard error", videoCount);
        }

        private static int indexOf(List<String> labels, String label, int from) {
            for (int c = from; c < labels.size(); c++) {
                if (labels.get(c).equalsIgnoreCase(label)) return c;
            }
            return -1;
        }

        public int binCount() {
            return binCentresNm.length;
        }

        public double[] binCentresNm() {
            return binCentresNm.clone();
        }

        /** Labels of the value columns as the file writes them (trimmed), bin column excluded. */
        public List<String> columnLabels() {
            return columnLabels;
        }

        /** The value column {@code index} (0 = first column after the bin centre). */
        public double[] column(int index) {
            return columns[index].clone();
        }

        /** The column of video {@code video} (0-based, in the order of {@link NanoSightSummary#videos()}). */
        public double[] video(int video) {
            if (video < 0 || video >= videoCount) {
                throw new IndexOutOfBoundsException("video " + video + " of " + videoCount);
            }
            return column(video);
        }

        /** The "Concentration average" column, if the file has one. */
        public Optional<double[]> average() {
            return averageColumn < 0 ? Optional.empty() : Optional.of(column(averageColumn));
        }

        /** The "Standard Error" column, if the file has one. */
        public Optional<double[]> standardError() {
            return standardErrorColumn < 0 ? Optional.empty() : Optional.of(column(standardErrorColumn));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Distribution d && Arrays.equals(binCentresNm, d.binCentresNm)
                    && columnLabels.equals(d.columnLabels) && Arrays.deepEquals(columns, d.columns)
                    && videoCount == d.videoCount;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(binCentresNm), columnLabels, Arrays.deepHashCode(columns), videoCount);
        }

        @Override
        public String toString() {
            return "Distribution[" + binCount() + " bins, columns=" + columnLabels + "]";
        }
    }
}

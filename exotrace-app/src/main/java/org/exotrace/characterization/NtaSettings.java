package org.exotrace.characterization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.SizingMethod;
import org.exotrace.nta.concentration.DetectionVolume;
import org.exotrace.nta.concentration.Dilution;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;
import org.exotrace.nta.sizing.WaterModel;

/**
 * Everything that determines the numbers of an NTA measurement, as stored with it. For a
 * trajectory file these are the analysis settings, all given by the analyst (there are no silent
 * physical defaults: a wrong pixel size or temperature gives wrong sizes without any sign); for a
 * NanoSight export they are what the instrument's file says, read back by the importer.
 *
 * @param source            what was uploaded
 * @param software          the library and version that produced the numbers
 * @param pixelSizeNm       size of a camera pixel (tracks in pixels); null for tracks in µm
 * @param units             {@code px} or {@code um}
 * @param fps               frame rate, frames per second
 * @param temperatureC      sample temperature, °C
 * @param viscosityMPaS     the medium's viscosity as given by the analyst; null for water at the temperature
 * @param waterModel        {@code vogel} or {@code vogel-alt}, used when no viscosity is given
 * @param drift             subtract the ensemble drift
 * @param method            {@code ml} or {@code histogram}
 * @param minTrackLength    positions a track needs to be used
 * @param motionBlur        motion-blur coefficient R
 * @param detectionVolumePl detection volume for the concentration; null for none
 * @param dilution          dilution of the measured sample; null for undiluted
 * @param bootstrap         bootstrap replicates for confidence intervals
 * @param seed              seed of the bootstrap
 * @param columns           the frame, particle, x and y column names
 */
public record NtaSettings(NtaSource source, String software, Double pixelSizeNm, String units, Double fps, Double temperatureC,
                          Double viscosityMPaS, String waterModel, Boolean drift, String method, Integer minTrackLength,
                          Double motionBlur, Double detectionVolumePl, Double dilution, Integer bootstrap, Long seed,
                          List<String> columns) {

    /** The trackpy column names. */
    public static final List<String> TRACKPY_COLUMNS = List.of("frame", "particle", "x", "y");

    /** Settings of a NanoSight export: the importer's version; the conditions are in the outcome, per video. */
    static NtaSettings nanoSight(String software) {
        return new NtaSettings(NtaSource.NANOSIGHT, software, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    /** The library's settings for these (trajectory-file) settings. */
    public AnalysisSettings toAnalysisSettings() {
        if (source != NtaSource.TRACKS) throw new IllegalStateException("a NanoSight export is imported, not analysed");
        TrajectoryFormat format = TrajectoryFormat.trackpy().withColumns(columns.get(0), columns.get(1), columns.get(2), columns.get(3));
        format = "um".equals(units) ? format.inMicrometres() : format.inPixels(pixelSizeNm);
        Temperature temperature = Temperature.ofCelsius(temperatureC);
        Viscosity viscosity = viscosityMPaS != null ? Viscosity.ofMillipascalSeconds(viscosityMPaS)
                : Viscosity.ofWater("vogel-alt".equals(waterModel) ? WaterModel.VOGEL_ALT : WaterModel.VOGEL, temperature);
        return new AnalysisSettings(format, fps, temperature, viscosity, drift, "histogram".equals(method) ? SizingMethod.HISTOGRAM : SizingMethod.ML,
                minTrackLength, motionBlur, detectionVolumePl == null ? null : DetectionVolume.ofPicolitres(detectionVolumePl),
                dilution == null ? null : Dilution.of(dilution), bootstrap, seed);
    }

    /**
     * The command that gives the same numbers from the same file outside the application, with
     * every setting spelled out (numbers printed so that they read back to the same double).
     */
    public String commandLine(String tracksFile) {
        if (source != NtaSource.TRACKS) return "./exotrace nta import-nanosight " + quote(tracksFile) + " --json";
        List<String> a = new ArrayList<>(List.of("./exotrace", "nta", "size", "--tracks", quote(tracksFile)));
        if ("um".equals(units)) a.addAll(List.of("--units", "um"));
        else a.addAll(List.of("--pixel-size-nm", number(pixelSizeNm)));
        a.addAll(List.of("--fps", number(fps), "--temperature-c", number(temperatureC)));
        if (viscosityMPaS != null) a.addAll(List.of("--viscosity-mpa-s", number(viscosityMPaS)));
        else a.addAll(List.of("--water-model", waterModel));
        a.addAll(List.of("--drift", drift ? "on" : "off", "--method", method, "--min-track-length", String.valueOf(minTrackLength),
                "--motion-blur", number(motionBlur)));
        if (detectionVolumePl != null) {
            a.addAll(List.of("--detection-volume-pl", number(detectionVolumePl)));
            if (dilution != null) a.addAll(List.of("--dilution", number(dilution)));
        }
        a.addAll(List.of("--bootstrap", String.valueOf(bootstrap), "--seed", String.valueOf(seed)));
        if (!columns.equals(TRACKPY_COLUMNS)) a.addAll(List.of("--columns", String.join(",", columns)));
        a.add("--json");
        return String.join(" ", a);
    }

    private static String number(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s.toLowerCase(Locale.ROOT);
    }

    private static String quote(String file) {
        return file.matches("[A-Za-z0-9._/+-]+") ? file : "'" + file.replace("'", "'\\''") + "'";
    }
}

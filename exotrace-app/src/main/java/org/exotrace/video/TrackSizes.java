package org.exotrace.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exotrace.nta.TrackDiffusion;
import org.exotrace.nta.analysis.NtaAnalysis;
import org.exotrace.nta.sizing.StokesEinstein;
import org.exotrace.nta.tracks.Tracks;

/**
 * Each track of a video that the analysis sized, with its brightness: the data of an
 * intensity-versus-size plot. The diffusion coefficients are the analysis' own per-track estimates
 * (drift removed, localization error and motion blur accounted for) on the tracks exactly as the NTA
 * measurement reads them, so they are the estimates its size distribution was built from.
 *
 * <p>Stored and downloaded as CSV, with the columns of {@code exotrace nta video --per-track-out}:
 * {@value #HEADER}.
 *
 * @param tracks one per sized track, in the analysis' track order
 */
public record TrackSizes(List<Track> tracks) {

    /** The CSV's header line. */
    public static final String HEADER = "particle,positions,d_um2_per_s,d_se_um2_per_s,diameter_nm,mean_mass";

    /**
     * One sized track.
     *
     * @param particle           the track's id in the tracks file
     * @param positions          positions in the track
     * @param diffusionUm2PerS   its diffusion coefficient D, µm²/s (may be 0 or below for a short track: noise)
     * @param diffusionSeUm2PerS the estimator's standard error of D, µm²/s
     * @param diameterNm         the hydrodynamic diameter Stokes-Einstein gives for D, nm; NaN when D is not positive
     * @param meanMass           the mean integrated intensity of its spots, camera units; NaN when not known
     */
    public record Track(long particle, int positions, double diffusionUm2PerS, double diffusionSeUm2PerS, double diameterNm, double meanMass) {

        /** Whether the track can be drawn on logarithmic axes: a positive diameter and intensity. */
        public boolean plottable() {
            return diameterNm > 0 && Double.isFinite(diameterNm) && meanMass > 0 && Double.isFinite(meanMass);
        }
    }

    public TrackSizes {
        tracks = List.copyOf(tracks);
    }

    /**
     * The sized tracks of one per-track stage: the positions from {@code tracks}, D and its standard
     * error (the square root of the estimator's variance) from {@code perTrack}, the diameter by
     * {@code physics} (the measurement's temperature and viscosity) and the mean intensity by track id.
     */
    static TrackSizes of(Tracks tracks, NtaAnalysis.PerTrackResult perTrack, StokesEinstein physics, Map<Long, Double> meanMassByTrack) {
        Map<Long, Integer> positions = new java.util.HashMap<>();
        for (int t = 0; t < tracks.count(); t++) positions.put(tracks.particle(t), tracks.length(t));
        List<Track> rows = new ArrayList<>(perTrack.diffusions().size());
        for (TrackDiffusion d : perTrack.diffusions()) {
            double diffusion = d.diffusionUm2PerS();
            Double mass = meanMassByTrack.get(d.particle());
            rows.add(new Track(d.particle(), positions.getOrDefault(d.particle(), d.steps() + 1), diffusion, Math.sqrt(Math.max(0, d.varianceUm4PerS2())),
                    diffusion > 0 ? physics.diameterNm(diffusion) : Double.NaN, mass == null ? Double.NaN : mass));
        }
        return new TrackSizes(rows);
    }

    /** Writes the header and one row per track; an unknown diameter or intensity is an empty field. */
    void writeCsv(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (Track t : tracks) {
            out.write(String.format(Locale.ROOT, "%d,%d,%.6g,%.3g,%s,%s%n", t.particle(), t.positions(), t.diffusionUm2PerS(), t.diffusionSeUm2PerS(),
                    Double.isNaN(t.diameterNm()) ? "" : String.format(Locale.ROOT, "%.1f", t.diameterNm()),
                    Double.isNaN(t.meanMass()) ? "" : String.format(Locale.ROOT, "%.4g", t.meanMass())));
        }
    }

    /** Reads what {@link #writeCsv} wrote. */
    static TrackSizes readCsv(Reader in) {
        List<Track> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(in)) {
            String header = lines.readLine();
            if (!HEADER.equals(header)) throw new IllegalStateException("not a per-track file: " + header);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) continue;
                String[] f = line.split(",", -1);
                rows.add(new Track(Long.parseLong(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), number(f[4]),
                        number(f[5])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TrackSizes(rows);
    }

    private static double number(String field) {
        return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
    }
}

package org.exotrace.nta.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.exotrace.nta.NtaVersion;
import org.exotrace.nta.analysis.AnalysisResult;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.LagFallback;
import org.exotrace.nta.analysis.MsdDiagnostic;
import org.exotrace.nta.analysis.NtaAnalysis;
import org.exotrace.nta.diffusion.MotionBlurEstimate;
import org.exotrace.nta.distribution.Bootstrap;
import org.exotrace.nta.distribution.DiameterGrid;
import org.exotrace.nta.distribution.DistributionStats;
import org.exotrace.nta.distribution.NumberDistribution;
import org.exotrace.nta.io.TrajectoryFormatException;
import org.exotrace.nta.settings.Setting;
import org.exotrace.nta.settings.SettingsSpec;
import org.exotrace.nta.settings.SizingSettings;
import org.exotrace.nta.sizing.Diameter;
import org.exotrace.nta.sizing.StokesEinstein;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exotrace nta size}: size distribution and concentration from a trackpy-style tracks file. */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = "Size distribution (and concentration) from particle tracks, with the physics and settings reported.")
final class SizeCommand implements Callable<Integer> {

    static final String VERSION = NtaVersion.NAME;

    @Option(names = "--tracks", required = true, description = "trackpy-style CSV: frame, particle, x, y")
    Path tracks;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec spec;

    private SizingSettings sizing;

    @Override
    public Integer call() throws Exception {
        AnalysisSettings settings = settings();
        if (!Files.isRegularFile(tracks)) throw new NtaCommand.BadInput("no such tracks file: " + tracks);
        PrintWriter err = spec.commandLine().getErr();
        AnalysisResult result;
        try {
            result = new NtaAnalysis(settings, message -> {
                err.println("exotrace nta: " + message);
                err.flush();
            }).run(tracks);
        } catch (TrajectoryFormatException e) {
            throw new NtaCommand.BadInput(tracks + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new NtaCommand.BadInput(e.getMessage());
        }
        if (json) printJson(result, spec.commandLine().getOut(), sizing.get(SettingsSpec.PIXEL_SIZE_NM), j -> { }, List.of());
        else printSummary(result, spec.commandLine().getOut());
        return 0;
    }

    /**
     * The analysis settings as given, read and checked by the settings catalogue; the first mistake
     * is answered with one line naming its option (exit code 2), with the same words the web form
     * and the API use.
     */
    AnalysisSettings settings() {
        sizing = readSettings(spec, Map.of());
        if (sizing.get(SettingsSpec.DILUTION) != null && sizing.get(SettingsSpec.DETECTION_VOLUME_PL) == null) {
            throw new NtaCommand.BadInput(SettingsSpec.DILUTION.option() + ": a dilution only matters for a concentration: give "
                    + SettingsSpec.DETECTION_VOLUME_PL.option());
        }
        return sizing.toAnalysisSettings();
    }

    /** The catalogue's settings given on the command line (options it lacks are skipped), with {@code fixed} ones added. */
    static SizingSettings readSettings(CommandSpec spec, Map<String, String> fixed) {
        Map<String, String> given = new LinkedHashMap<>(fixed);
        for (Setting<?> s : SettingsSpec.ALL) {
            OptionSpec option = spec.findOption(s.option());
            String value = option == null ? null : option.getValue();
            if (value != null) given.put(s.name(), value);
        }
        SettingsSpec.Parsed parsed = SettingsSpec.parse(given);
        if (!parsed.ok()) throw new NtaCommand.BadInput(parsed.problems().get(0).commandLineText());
        return parsed.settings();
    }

    /** Adds one option per setting of the catalogue, with its help and default, to the {@code size} command. */
    static void addSettingOptions(CommandSpec size) {
        addSettingOptions(size, SettingsSpec.ALL);
    }

    /** Adds one option per given setting, with its help and default. */
    static void addSettingOptions(CommandSpec size, List<Setting<?>> settings) {
        for (Setting<?> s : settings) {
            size.addOption(OptionSpec.builder(s.option()).type(String.class).paramLabel(paramLabel(s))
                    .description(s.helpWithDefault().replace("%", "%%")).build());
        }
    }

    private static String paramLabel(Setting<?> s) {
        if (!s.choices().isEmpty()) return String.join("|", s.choices());
        return s.unit().isEmpty() || s.unit().equals("positions") ? "<" + s.name() + ">" : "<" + s.unit() + ">";
    }

    /** The result as one JSON object; {@code extra} adds the caller's fields just before the warnings. */
    static void printJson(AnalysisResult r, PrintWriter out, Double pixelSizeNm, Consumer<Json> extra,
                          List<String> moreWarnings) {
        DistributionStats s = r.stats();
        double umPerPixel = pixelSizeNm != null ? pixelSizeNm / 1000 : 1;
        double driftX = r.driftUmPerFrame()[0] / umPerPixel;
        double driftY = r.driftUmPerFrame()[1] / umPerPixel;
        try (Json j = new Json(out)) {
            j.begin().field("method", r.settings().method().name().toLowerCase()).field("tracks", (long) r.tracksUsed())
                    .field("tracksInFile", (long) r.tracksTotal()).field("positions", r.positions())
                    .field("meanNm", s.mean().nanometres()).field("modeNm", s.mode().nanometres()).field("sdNm", s.sd().nanometres())
                    .field("d10Nm", s.d10().nanometres()).field("d50Nm", s.d50().nanometres()).field("d90Nm", s.d90().nanometres())
                    .field("driftPxPerFrame", Math.hypot(driftX, driftY)).field("driftXPxPerFrame", driftX).field("driftYPxPerFrame", driftY)
                    .field("driftCorrected", r.settings().driftCorrection())
                    .field("localizationErrorNm", Math.sqrt(Math.max(0, r.localizationSigma2())) * 1000);
            MotionBlurEstimate blur = r.motionBlur();
            j.object("motionBlur").field("R", blur.motionBlur()).field("se", blur.motionBlurSe())
                    .field("source", blur.source().name().toLowerCase(Locale.ROOT)).field("identifiable", blur.identifiable())
                    .field("note", blur.note()).end();
            if (r.concentration() != null) {
                j.field("concentrationPerMl", r.concentration().concentration().particlesPerMillilitre())
                        .field("particlesPerFrame", r.concentration().meanParticlesPerFrame());
            }
            if (r.intervals() != null) {
                j.object("confidence95");
                interval(j, "d10Nm", r.intervals(), DistributionStats::d10);
                interval(j, "d50Nm", r.intervals(), DistributionStats::d50);
                interval(j, "d90Nm", r.intervals(), DistributionStats::d90);
                interval(j, "meanNm", r.intervals(), DistributionStats::mean);
                j.end();
            }
            j.object("settings").field("software", VERSION).field("temperatureC", r.settings().temperature().celsius())
                    .field("viscosityMPaS", r.settings().viscosity().millipascalSeconds())
                    .field("viscositySource", r.settings().viscosity().source()).field("fps", r.settings().framesPerSecond())
                    .field("pixelSizeNm", pixelSizeNm == null ? Double.NaN : pixelSizeNm)
                    .field("minTrackLength", (long) r.settings().minTrackLength()).field("motionBlur", r.motionBlur().motionBlur())
                    .field("exposureMs", r.settings().exposureSeconds() == null ? Double.NaN : r.settings().exposureSeconds() * 1000)
                    .field("samplingModel", r.samplingModel()).field("bootstrapReplicates", (long) r.settings().bootstrapReplicates())
                    .field("seed", r.settings().seed()).end();
            modelCheckJson(j, r);
            extra.accept(j);
            j.array("warnings");
            r.warnings().forEach(w -> j.stringValue(w));
            moreWarnings.forEach(w -> j.stringValue(w));
            j.endArray();
            NumberDistribution d = r.distribution();
            j.array("distribution");
            for (int i = 0; i < d.grid().size(); i++) {
                j.beginElement().field("diameterNm", d.grid().nanometres(i)).field("fraction", d.fraction(i)).end();
            }
            j.endArray().end();
        }
        out.println();
    }

    private static void modelCheckJson(Json j, AnalysisResult r) {
        MsdDiagnostic m = r.modelCheck();
        StokesEinstein physics = new StokesEinstein(r.settings().temperature(), r.settings().viscosity());
        j.object("modelCheck").field("freeDiffusion", m.freeDiffusion()).field("msdSlopeDiffusionUm2PerS", m.slopeDiffusion())
                .field("msdSlopeDiameterNm", m.slopeDiffusion() > 0 ? physics.diameterNm(m.slopeDiffusion()) : Double.NaN)
                .field("msdInterceptUm2", m.interceptUm2()).field("tracks", (long) m.tracksUsed());
        j.array("msdUm2");
        for (double v : m.msdUm2()) j.value(v);
        j.endArray().array("stepCorrelation");
        for (double v : m.stepCorrelation()) j.value(v);
        j.endArray().array("stepCorrelationSe");
        for (double v : m.correlationSe()) j.value(v);
        j.endArray();
        LagFallback.Result f = r.fallback();
        if (f != null) {
            j.object("fallback").field("lagFrames", (long) f.lag()).field("offsetUm2", f.offsetUm2()).field("offsetSeUm2", f.offsetSeUm2())
                    .field("offsetSource", f.offsetFromTracks() ? "tracks" : "pooled intercept")
                    .field("tracks", (long) f.tracks().size()).field("tracksTooShort", (long) f.tooShort()).end();
        }
        j.end();
        DiameterGrid g = r.distribution().grid();
        j.array("gridNm").value(g.nanometres(0)).value(g.nanometres(g.size() - 1)).endArray();
    }

    private static void interval(Json j, String name, Bootstrap.Result result, Function<DistributionStats, Diameter> statistic) {
        Bootstrap.Interval i = result.interval(statistic, 0.95);
        j.array(name).value(i.lower().nanometres()).value(i.upper().nanometres()).endArray();
    }

    static void printSummary(AnalysisResult r, PrintWriter out) {
        DistributionStats s = r.stats();
        out.printf(Locale.ROOT, "%s: %,d of %,d tracks used (%,d positions)%n", r.settings().method().name().toLowerCase(),
                r.tracksUsed(), r.tracksTotal(), r.positions());
        out.printf(Locale.ROOT, "mode %.1f nm, mean %.1f nm, SD %.1f nm, D10 %.1f, D50 %.1f, D90 %.1f nm%n",
                s.mode().nanometres(), s.mean().nanometres(), s.sd().nanometres(), s.d10().nanometres(), s.d50().nanometres(),
                s.d90().nanometres());
        out.printf(Locale.ROOT, "motion blur R = %.3f (%s): %s%n", r.motionBlur().motionBlur(),
                r.motionBlur().source().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.motionBlur().note());
        out.printf(Locale.ROOT, "drift %.3f, %.3f µm/frame (%s); localization error %.1f nm; viscosity %.4f mPa·s (%s)%n",
                r.driftUmPerFrame()[0], r.driftUmPerFrame()[1], r.settings().driftCorrection() ? "subtracted" : "not subtracted",
                Math.sqrt(Math.max(0, r.localizationSigma2())) * 1000, r.settings().viscosity().millipascalSeconds(),
                r.settings().viscosity().source());
        if (r.concentration() != null) {
            out.printf(Locale.ROOT, "concentration %.3g particles/mL (%.1f particles per frame)%n",
                    r.concentration().concentration().particlesPerMillilitre(), r.concentration().meanParticlesPerFrame());
        }
        r.warnings().forEach(w -> out.println("warning: " + w));
    }
}

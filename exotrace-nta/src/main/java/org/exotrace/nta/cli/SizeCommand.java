package org.exotrace.nta.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.exotrace.nta.NtaVersion;
import org.exotrace.nta.analysis.AnalysisResult;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.NtaAnalysis;
import org.exotrace.nta.analysis.SizingMethod;
import org.exotrace.nta.concentration.DetectionVolume;
import org.exotrace.nta.concentration.Dilution;
import org.exotrace.nta.distribution.Bootstrap;
import org.exotrace.nta.distribution.DistributionStats;
import org.exotrace.nta.distribution.NumberDistribution;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryFormatException;
import org.exotrace.nta.sizing.Diameter;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;
import org.exotrace.nta.sizing.WaterModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exotrace nta size}: size distribution and concentration from a trackpy-style tracks file. */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = "Size distribution (and concentration) from particle tracks, with the physics and settings reported.")
final class SizeCommand implements Callable<Integer> {

    static final String VERSION = NtaVersion.NAME;

    @Option(names = "--tracks", required = true, description = "trackpy-style CSV: frame, particle, x, y")
    Path tracks;

    @Option(names = "--pixel-size-nm", description = "size of a pixel in nm (x and y in pixels); omit with --units um")
    Double pixelSizeNm;

    @Option(names = "--units", defaultValue = "px", description = "units of x and y: px or um (default ${DEFAULT-VALUE})")
    String units;

    @Option(names = "--fps", required = true, description = "frame rate, frames per second")
    double fps;

    @Option(names = "--temperature-c", required = true, description = "sample temperature, °C")
    double temperatureC;

    @Option(names = "--viscosity-mpa-s", description = "viscosity of the medium in mPa·s; default: water at the temperature")
    Double viscosityMPaS;

    @Option(names = "--water-model", defaultValue = "vogel", description = "water viscosity model: vogel or vogel-alt (default ${DEFAULT-VALUE})")
    String waterModel;

    @Option(names = "--drift", defaultValue = "on", description = "subtract the ensemble drift: on or off (default ${DEFAULT-VALUE})")
    String drift;

    @Option(names = "--method", defaultValue = "ml", description = "ml (maximum-likelihood deconvolution) or histogram (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--min-track-length", defaultValue = "5", description = "minimum positions per track (default ${DEFAULT-VALUE})")
    int minTrackLength;

    @Option(names = "--motion-blur", defaultValue = "0.1666666667", description = "motion-blur coefficient R: 1/6 full-frame exposure, 0 instantaneous")
    double motionBlur;

    @Option(names = "--detection-volume-pl", description = "detection volume in picolitres, for the concentration")
    Double detectionVolumePl;

    @Option(names = "--dilution", description = "dilution factor of the measured sample (default 1)")
    Double dilution;

    @Option(names = "--bootstrap", defaultValue = "0", description = "bootstrap replicates for confidence intervals (default ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "random seed of the bootstrap")
    long seed;

    @Option(names = "--columns", description = "column names frame,particle,x,y (default frame,particle,x,y)")
    String columns;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec spec;

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
        if (json) printJson(result, spec.commandLine().getOut());
        else printSummary(result, spec.commandLine().getOut());
        return 0;
    }

    AnalysisSettings settings() {
        Check.positive("--fps", fps);
        Check.temperature(temperatureC);
        TrajectoryFormat format = TrajectoryFormat.trackpy();
        if (columns != null) {
            String[] c = columns.split(",");
            if (c.length != 4) throw new NtaCommand.BadInput("--columns takes four names: frame,particle,x,y");
            format = format.withColumns(c[0].strip(), c[1].strip(), c[2].strip(), c[3].strip());
        }
        switch (units) {
            case "px" -> {
                if (pixelSizeNm == null) throw new NtaCommand.BadInput("--pixel-size-nm is required when x and y are in pixels");
                Check.positive("--pixel-size-nm", pixelSizeNm);
                format = format.inPixels(pixelSizeNm);
            }
            case "um" -> format = format.inMicrometres();
            default -> throw new NtaCommand.BadInput("--units must be px or um, not '" + units + "'");
        }
        Temperature temperature = Temperature.ofCelsius(temperatureC);
        Viscosity viscosity;
        if (viscosityMPaS != null) {
            Check.positive("--viscosity-mpa-s", viscosityMPaS);
            viscosity = Viscosity.ofMillipascalSeconds(viscosityMPaS);
        } else {
            WaterModel model = switch (waterModel) {
                case "vogel" -> WaterModel.VOGEL;
                case "vogel-alt" -> WaterModel.VOGEL_ALT;
                default -> throw new NtaCommand.BadInput("--water-model must be vogel or vogel-alt, not '" + waterModel + "'");
            };
            viscosity = Viscosity.ofWater(model, temperature);
        }
        boolean driftOn = switch (drift) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new NtaCommand.BadInput("--drift must be on or off, not '" + drift + "'");
        };
        SizingMethod sizing = switch (method) {
            case "ml" -> SizingMethod.ML;
            case "histogram" -> SizingMethod.HISTOGRAM;
            default -> throw new NtaCommand.BadInput("--method must be ml or histogram, not '" + method + "'");
        };
        if (minTrackLength < 2) throw new NtaCommand.BadInput("--min-track-length must be at least 2 positions, not " + minTrackLength);
        if (!(motionBlur >= 0 && motionBlur <= 0.25)) throw new NtaCommand.BadInput("--motion-blur must be between 0 and 0.25, not " + motionBlur);
        if (bootstrap < 0) throw new NtaCommand.BadInput("--bootstrap must be 0 or more");
        DetectionVolume volume = null;
        if (detectionVolumePl != null) {
            Check.positive("--detection-volume-pl", detectionVolumePl);
            volume = DetectionVolume.ofPicolitres(detectionVolumePl);
        }
        if (dilution != null && detectionVolumePl == null) throw new NtaCommand.BadInput("--dilution needs --detection-volume-pl");
        if (dilution != null && !(dilution >= 1)) throw new NtaCommand.BadInput("--dilution must be 1 or more, not " + dilution);
        return new AnalysisSettings(format, fps, temperature, viscosity, driftOn, sizing, minTrackLength, motionBlur, volume,
                dilution == null ? null : Dilution.of(dilution), bootstrap, seed);
    }

    private void printJson(AnalysisResult r, PrintWriter out) {
        DistributionStats s = r.stats();
        double umPerPixel = pixelSizeNm != null && units.equals("px") ? pixelSizeNm / 1000 : 1;
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
                    .field("minTrackLength", (long) r.settings().minTrackLength()).field("motionBlur", r.settings().motionBlur())
                    .field("samplingModel", r.samplingModel()).field("bootstrapReplicates", (long) r.settings().bootstrapReplicates())
                    .field("seed", r.settings().seed()).end();
            j.array("warnings");
            r.warnings().forEach(w -> j.stringValue(w));
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

    private static void interval(Json j, String name, Bootstrap.Result result, Function<DistributionStats, Diameter> statistic) {
        Bootstrap.Interval i = result.interval(statistic, 0.95);
        j.array(name).value(i.lower().nanometres()).value(i.upper().nanometres()).endArray();
    }

    private static void printSummary(AnalysisResult r, PrintWriter out) {
        DistributionStats s = r.stats();
        out.printf(Locale.ROOT, "%s: %,d of %,d tracks used (%,d positions)%n", r.settings().method().name().toLowerCase(),
                r.tracksUsed(), r.tracksTotal(), r.positions());
        out.printf(Locale.ROOT, "mode %.1f nm, mean %.1f nm, SD %.1f nm, D10 %.1f, D50 %.1f, D90 %.1f nm%n",
                s.mode().nanometres(), s.mean().nanometres(), s.sd().nanometres(), s.d10().nanometres(), s.d50().nanometres(),
                s.d90().nanometres());
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

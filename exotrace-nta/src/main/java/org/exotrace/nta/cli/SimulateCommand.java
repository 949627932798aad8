package org.exotrace.nta.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryWriter;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.GroundTruth;
import org.exotrace.nta.simulate.SizeDistribution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exotrace nta simulate}: Brownian dynamics of spheres through a light sheet, written as a
 * trackpy CSV (in pixels) plus a ground-truth CSV with each track's diameter and D.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate NTA tracks of a known size distribution; writes the tracks and the ground truth.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "tracks CSV to write (frame,particle,x,y in pixels)")
    Path out;

    @Option(names = "--truth", description = "ground-truth CSV to write (default: <out>.truth.csv)")
    Path truth;

    @Option(names = "--distribution", defaultValue = "lognormal", description = "mono, lognormal or mixture (default ${DEFAULT-VALUE})")
    String distribution;

    @Option(names = "--diameter-nm", defaultValue = "100", description = "diameter of a monodisperse sample")
    double diameterNm;

    @Option(names = "--median-nm", defaultValue = "110", description = "lognormal median diameter")
    double medianNm;

    @Option(names = "--geometric-sd", defaultValue = "1.35", description = "lognormal geometric standard deviation")
    double geometricSd;

    @Option(names = "--mixture", defaultValue = "80:0.5,180:0.5", description = "diameter:weight pairs for a mixture")
    String mixture;

    @Option(names = "--particles", defaultValue = "200", description = "particles kept in the volume")
    int particles;

    @Option(names = "--frames", defaultValue = "1500")
    int frames;

    @Option(names = "--fps", defaultValue = "25")
    double fps;

    @Option(names = "--temperature-c", defaultValue = "22")
    double temperatureC;

    @Option(names = "--viscosity-mpa-s", defaultValue = "0.955")
    double viscosityMPaS;

    @Option(names = "--pixel-size-nm", defaultValue = "166")
    double pixelSizeNm;

    @Option(names = "--localization-nm", defaultValue = "30", description = "localization error SD per axis")
    double localizationNm;

    @Option(names = "--exposure-ms", description = "camera exposure per frame in ms, blurring each position over it "
            + "(default: the whole frame, 1000/fps)")
    Double exposureMs;

    @Option(names = "--drift-px-per-frame", defaultValue = "0", description = "constant x drift")
    double driftPx;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Check.positive("--fps", fps);
        Check.positive("--pixel-size-nm", pixelSizeNm);
        Check.temperature(temperatureC);
        Check.positive("--viscosity-mpa-s", viscosityMPaS);
        double exposureSeconds = exposureMs == null ? 1 / fps : exposureMs / 1000;
        if (!(exposureSeconds >= 0 && exposureSeconds <= (1 + 1e-6) / fps)) {
            throw new NtaCommand.BadInput("--exposure-ms must be between 0 and the frame interval (" + 1000 / fps + " ms), not " + exposureMs);
        }
        exposureSeconds = Math.min(exposureSeconds, 1 / fps);
        if (particles < 1 || frames < 2) throw new NtaCommand.BadInput("--particles must be >= 1 and --frames >= 2");
        SizeDistribution sizes = sizes();
        BrownianSimulator.Settings nano = BrownianSimulator.Settings.nanoSightLike();
        BrownianSimulator.Settings settings = new BrownianSimulator.Settings(nano.sheetThicknessUm(), nano.fieldWidthUm(),
                nano.fieldHeightUm(), nano.marginUm(), fps, exposureSeconds, localizationNm / 1000, driftPx * pixelSizeNm / 1000, 0,
                temperatureC + 273.15, viscosityMPaS / 1000, particles, frames, nano.subSteps());
        Path truthFile = truth != null ? truth : Path.of(out + ".truth.csv");
        List<GroundTruth> result;
        long rows;
        try (TrajectoryWriter writer = TrajectoryWriter.create(out, TrajectoryFormat.trackpy(pixelSizeNm))) {
            result = new BrownianSimulator(settings).run(sizes, seed, writer::position);
            rows = writer.rows();
        }
        try (BufferedWriter w = Files.newBufferedWriter(truthFile)) {
            w.write("particle,diameter_nm,diffusion_um2_per_s,first_frame,last_frame,end\n");
            for (GroundTruth g : result) {
                w.write(String.format(Locale.ROOT, "%d,%.6f,%.9f,%d,%d,%s%n", g.particle(), g.diameterNm(), g.diffusionUm2PerS(),
                        g.firstFrame(), g.lastFrame(), g.end()));
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %d positions of %d tracks to %s and the ground truth to %s%n", rows, result.size(), out, truthFile);
        return 0;
    }

    private SizeDistribution sizes() {
        return switch (distribution) {
            case "mono", "monodisperse" -> {
                Check.positive("--diameter-nm", diameterNm);
                yield SizeDistribution.monodisperse(diameterNm);
            }
            case "lognormal" -> {
                Check.positive("--median-nm", medianNm);
                if (!(geometricSd >= 1)) throw new NtaCommand.BadInput("--geometric-sd must be at least 1: " + geometricSd);
                yield SizeDistribution.lognormal(medianNm, geometricSd);
            }
            case "mixture" -> {
                String[] parts = mixture.split(",");
                double[] weights = new double[parts.length];
                SizeDistribution[] components = new SizeDistribution[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    String[] dw = parts[i].split(":");
                    if (dw.length != 2) throw new NtaCommand.BadInput("--mixture takes diameter:weight pairs, e.g. 80:0.5,180:0.5");
                    double d = Check.number("--mixture diameter", dw[0]);
                    weights[i] = Check.number("--mixture weight", dw[1]);
                    Check.positive("--mixture diameter", d);
                    Check.positive("--mixture weight", weights[i]);
                    components[i] = SizeDistribution.monodisperse(d);
                }
                yield SizeDistribution.mixture(weights, components);
            }
            default -> throw new NtaCommand.BadInput("--distribution must be mono, lognormal or mixture, not '" + distribution + "'");
        };
    }
}

package org.exotrace.nta.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.exotrace.nta.concentration.Concentration;
import org.exotrace.nta.concentration.DetectionVolumeCalibration;
import org.exotrace.nta.concentration.Dilution;
import org.exotrace.nta.concentration.FrameCounts;
import org.exotrace.nta.concentration.NanoSightCalibration;
import org.exotrace.nta.io.NanoSightFormatException;
import org.exotrace.nta.io.NanoSightSummary;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryFormatException;
import org.exotrace.nta.io.TrajectoryReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exotrace nta calibrate}: the detection volume from a measured particle standard of stated
 * concentration, volume = mean particles per frame / (stated concentration / dilution), with its
 * standard uncertainty ({@link DetectionVolumeCalibration}).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Detection volume from a bead standard of stated concentration: a NanoSight export (each video one replicate) "
                + "or a trajectory file (five blocks of frames).")
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--nanosight", description = "the standard's ExperimentSummary.csv")
    Path nanosight;

    @Option(names = "--tracks", description = "the standard's trackpy-style trajectory CSV (frame, particle, x, y)")
    Path tracks;

    @Option(names = "--stated-concentration", required = true, description = "the standard's concentration as supplied, particles/mL")
    double stated;

    @Option(names = "--stated-uncertainty-percent", defaultValue = "0",
            description = "the supplier's relative standard uncertainty, % (default 0: not stated)")
    double statedUncertaintyPercent;

    @Option(names = "--dilution", description = "dilution of the measured standard (a NanoSight export's own when it records one)")
    Double dilution;

    @Option(names = "--camera-level", description = "the camera level to calibrate when an export mixes levels")
    Integer cameraLevel;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((nanosight == null) == (tracks == null)) throw new NtaCommand.BadInput("give exactly one of --nanosight FILE or --tracks FILE");
        Path file = nanosight != null ? nanosight : tracks;
        if (!Files.isRegularFile(file)) throw new NtaCommand.BadInput("no such file: " + file);
        DetectionVolumeCalibration.Result r;
        try {
            Concentration c = Concentration.perMillilitre(stated);
            double u = statedUncertaintyPercent / 100;
            if (nanosight != null) {
                r = NanoSightCalibration.of(NanoSightSummary.read(file), c, u, dilution == null ? null : Dilution.of(dilution), cameraLevel)
                        .calibration();
            } else {
                if (dilution == null) throw new NtaCommand.BadInput("--dilution is required with --tracks");
                FrameCounts counts = new FrameCounts();
                new TrajectoryReader(TrajectoryFormat.trackpy()).read(file, counts);
                r = DetectionVolumeCalibration.estimate(counts.blocks(5), c, u, Dilution.of(dilution));
            }
        } catch (IllegalArgumentException | NanoSightFormatException | TrajectoryFormatException e) {
            throw new NtaCommand.BadInput(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (Json j = new Json(out)) {
                j.begin().field("detectionVolumePl", r.volume().picolitres()).field("standardUncertaintyPl", r.standardUncertaintyPl())
                        .field("meanParticlesPerFrame", r.meanParticlesPerFrame()).field("dilution", r.dilution().factor());
                j.array("replicates");
                for (int i = 0; i < r.replicates().size(); i++) {
                    j.beginElement().field("label", r.replicates().get(i).label())
                            .field("particlesPerFrame", r.replicates().get(i).particlesPerFrame())
                            .field("volumePl", r.replicateVolumesPl().get(i)).end();
                }
                j.endArray().array("warnings");
                r.warnings().forEach(j::stringValue);
                j.endArray().end();
            }
            out.println();
        } else {
            out.println("detection volume " + r.describe());
            for (int i = 0; i < r.replicates().size(); i++) {
                out.printf("  %-24s %8.2f particles/frame  %8.1f pL%n", r.replicates().get(i).label(),
                        r.replicates().get(i).particlesPerFrame(), r.replicateVolumesPl().get(i));
            }
            r.warnings().forEach(w -> out.println("warning: " + w));
        }
        return 0;
    }
}

package org.exotrace.nta.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.exotrace.nta.io.NanoSightFormatException;
import org.exotrace.nta.io.NanoSightSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code exotrace nta import-nanosight FILE [--json]}: a NanoSight ExperimentSummary.csv, every section. */
@Command(name = "import-nanosight", mixinStandardHelpOptions = true,
        description = "Read a NanoSight NTA 3.x ExperimentSummary.csv: conditions, per-video and average results, size data and the binned distribution.")
final class ImportNanoSightCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the ExperimentSummary.csv")
    Path file;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) throw new NtaCommand.BadInput("no such file: " + file);
        NanoSightSummary s;
        try {
            s = NanoSightSummary.read(file);
        } catch (NanoSightFormatException e) {
            throw new NtaCommand.BadInput(file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try (Json j = new Json(out)) {
                j.begin().field("experiment", s.experimentName()).field("software", s.createdWith())
                        .field("analysisMethod", s.analysisMethod()).field("videos", (long) s.videos().size());
                size(j.object("average"), s.average().size()).field("concentrationPerMl", s.average().results().concentrationPerMl())
                        .field("particlesPerFrame", s.average().results().particlesPerFrame()).end();
                j.array("perVideo");
                for (NanoSightSummary.Video v : s.videos()) {
                    size(j.beginElement().field("filename", v.filename()), v.size())
                            .field("temperatureC", v.conditions().temperatureCelsius())
                            .field("viscosityMPaS", v.conditions().viscosityCentipoise())
                            .field("frameRateFps", v.conditions().frameRateFps())
                            .field("concentrationPerMl", v.results().concentrationPerMl())
                            .field("particlesPerFrame", v.results().particlesPerFrame())
                            .field("validTracks", (long) v.validTracks())
                            .field("xDriftPxPerFrame", v.results().xDriftPxPerFrame())
                            .field("yDriftPxPerFrame", v.results().yDriftPxPerFrame()).end();
                }
                j.endArray();
                double[] centres = s.distribution().binCentresNm();
                double[] average = s.distribution().average().orElse(new double[centres.length]);
                double total = 0;
                for (double c : average) total += c;
                j.array("distribution");
                for (int i = 0; i < centres.length; i++) {
                    j.beginElement().field("diameterNm", centres[i]).field("concentrationPerMl", average[i])
                            .field("fraction", total > 0 ? average[i] / total : 0).end();
                }
                j.endArray().end();
            }
            out.println();
        } else {
            out.printf("%s (%s, %s): %d videos%n", s.experimentName(), s.createdWith(), s.analysisMethod(), s.videos().size());
            NanoSightSummary.SizeStatistics a = s.average().size();
            out.printf("average: mode %.1f nm, mean %.1f nm, D10 %.1f, D50 %.1f, D90 %.1f nm; %.3g particles/mL%n",
                    a.modeNm(), a.meanNm(), a.d10Nm(), a.d50Nm(), a.d90Nm(), s.average().results().concentrationPerMl());
            for (NanoSightSummary.Video v : s.videos()) {
                out.printf("  %-24s %.2f °C  mode %.1f nm  D50 %.1f nm  %d tracks%n", v.filename(),
                        v.conditions().temperatureCelsius(), v.size().modeNm(), v.size().d50Nm(), v.validTracks());
            }
        }
        return 0;
    }

    private static Json size(Json j, NanoSightSummary.SizeStatistics s) {
        return j.field("meanNm", s.meanNm()).field("modeNm", s.modeNm()).field("sdNm", s.sdNm())
                .field("d10Nm", s.d10Nm()).field("d50Nm", s.d50Nm()).field("d90Nm", s.d90Nm());
    }
}

package org.exotrace.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.exotrace.results.Results;
import org.exotrace.specification.TestCode;

/**
 * The results of a realistic, releasable human MSC exosome serum lot: every required test of the
 * default specification passing, plus the optional D50, concentration and TEM imaging. Particles per
 * ampoule is not among them: it is computed from the concentration (3.6e9 /mL × 2 mL = 7.2e9), so a
 * lot using these results should declare about 3.6e9 /mL. Shared by the demo dataset and the
 * benchmarks so that both measure the same lot.
 */
public final class ExampleResults {

    private ExampleResults() {}

    public static List<Results.Entry> passing() {
        return List.of(
                numeric(TestCode.SIZE_MODE, 104, "nm", "NTA (NanoSight NS300)"),
                numeric(TestCode.SIZE_D50, 116, "nm", "NTA (NanoSight NS300)"),
                // Typed, so by a method other than NTA: an NTA concentration counts only from an uploaded measurement with its calibration.
                numeric(TestCode.PARTICLE_CONCENTRATION, 3.6e9, "particles/mL", "TRPS (Exoid)"),
                numeric(TestCode.TOTAL_PROTEIN, 42, "µg/mL", "Micro BCA"),
                numeric(TestCode.PARTICLES_PER_UG_PROTEIN, 8.6e10, "particles/µg", "NTA / micro BCA"),
                categorical(TestCode.MARKER_TRANSMEMBRANE, "POSITIVE", "Western blot: CD63+, CD81+, CD9+"),
                categorical(TestCode.MARKER_CYTOSOLIC, "POSITIVE", "Western blot: TSG101+, ALIX+"),
                categorical(TestCode.MARKER_CALNEXIN, "NEGATIVE", "Western blot"),
                categorical(TestCode.STERILITY, "NO_GROWTH", "Ph. Eur. 2.6.1 membrane filtration"),
                numeric(TestCode.ENDOTOXIN, 0.12, "EU/mL", "LAL kinetic chromogenic"),
                categorical(TestCode.MYCOPLASMA, "NEGATIVE", "qPCR"),
                categorical(TestCode.EV_IMAGING, "CONFORMS", "TEM negative stain: cup-shaped vesicles 50-150 nm"));
    }

    /** A numeric result performed two days ago. */
    public static Results.Entry numeric(TestCode test, double value, String unit, String method) {
        return new Results.Entry(test, value, unit, null, null, method, null, Instant.now().minus(2, ChronoUnit.DAYS), null, null);
    }

    /** A categorical result performed two days ago. */
    public static Results.Entry categorical(TestCode test, String category, String method) {
        return new Results.Entry(test, null, null, category, null, method, null, Instant.now().minus(2, ChronoUnit.DAYS), null, null);
    }
}

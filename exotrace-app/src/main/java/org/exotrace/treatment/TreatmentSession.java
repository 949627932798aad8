package org.exotrace.treatment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.RuleVerdict;
import org.exotrace.donor.SourceType;
import org.exotrace.shared.Texts;

/**
 * One treatment given under a plan, traced to the unit it used. The dose is the lot's particle
 * concentration times the volume applied; the concentration is the one the lot was released with
 * (recorded with the release decision: the measured result QA released, or the declared value when
 * the lot had no measurement), and null (no dose) when there is none. {@code concentrationBasis}
 * keeps which value it was, as the clinician read it.
 *
 * @param number        which of the plan's sessions this is (1, 2, ...)
 * @param sourceTypes   the sources of the unit's lot, from its donors; the compliance decision used these
 * @param side          null when read by the plan's blinded assessor: on a split-face plan the side would reveal the allocation
 * @param warnings      what the clinician was told when recording (caution, product or source other than planned)
 * @param concentrationBasis where the concentration came from, "measured by NTA, released 2026-11-03, certificate
 *                      CoA-2026-00003"; null for sessions recorded before it was kept
 */
public record TreatmentSession(UUID id, UUID planId, UUID patientId, UUID clinicId, int number, LocalDate performedOn, String unitCode,
                               UUID lotId, String lotCode, String productCode, List<SourceType> sourceTypes, double volumeMl,
                               Double particlesPerMl, ConcentrationSource concentrationSource, String concentrationBasis,
                               Double doseParticles, Route route,
                               Device device, String operator, String area, Side side, RuleVerdict complianceVerdict,
                               String complianceMessage, List<String> warnings, String recordedBy, Instant recordedAt) {

    /** Whether the concentration behind the dose was measured or declared on the lot. */
    public enum ConcentrationSource { MEASURED, DECLARED }

    /** The device and its settings; every field may be empty for a plain topical application. */
    public record Device(String name, Double needleDepthMm, Double energyMj, Integer passes, String note) {

        public static final Device NONE = new Device(null, null, null, null, null);

        /** The settings given, in order, as a clinician writes them: "Dermapen 4", "0.5 mm", "12 mJ", "3 passes", the note. */
        public List<String> settings() {
            List<String> parts = new java.util.ArrayList<>();
            if (name != null) parts.add(name);
            if (needleDepthMm != null) parts.add(Texts.number(needleDepthMm) + " mm");
            if (energyMj != null) parts.add(Texts.number(energyMj) + " mJ");
            if (passes != null) parts.add(passes + (passes == 1 ? " pass" : " passes"));
            if (note != null) parts.add(note);
            return parts;
        }
    }

    public TreatmentSession {
        sourceTypes = List.copyOf(sourceTypes);
        warnings = List.copyOf(warnings);
    }

    /** This session as the plan's blinded assessor may read it: without the side, which would give the allocation away. */
    public TreatmentSession withoutSide() {
        return new TreatmentSession(id, planId, patientId, clinicId, number, performedOn, unitCode, lotId, lotCode, productCode, sourceTypes,
                volumeMl, particlesPerMl, concentrationSource, concentrationBasis, doseParticles, route, device, operator, area, null, complianceVerdict,
                complianceMessage, warnings, recordedBy, recordedAt);
    }
}

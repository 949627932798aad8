package org.exotrace.trace.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.exotrace.trace.LotTrace;
import org.exotrace.trace.PatientTrace;
import org.exotrace.trace.SourceTrace;
import org.exotrace.trace.Traces;
import org.exotrace.trace.UnitTrace;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/trace")
@Tag(name = "Trace", description = "Forward from a donor, batch or lot to the units, clinics, sessions and patients it reached (recall); backward from a unit "
        + "session or patient to its lots, batches and donors (look-back). Patients appear as pseudonyms, named only to their clinic's staff; a clinician "
        + "sees only the units shipped to their own clinics. Unknown codes answer 404 problem+json.")
class TraceApi {

    private final Traces traces;

    TraceApi(Traces traces) {
        this.traces = traces;
    }

    @GetMapping("/lots/{code}")
    @Operation(summary = "Forward trace of a lot: the lot and every lot derived or pooled from it, their units and where each went, "
            + "the sessions that used them and the patients treated (analysts, QA, compliance; clinicians: their clinics' part)")
    LotTrace lot(@Parameter(description = "the lot's code, e.g. L-2026-0001") @PathVariable String code) {
        return traces.forward(code);
    }

    @GetMapping("/donors/{code}")
    @Operation(summary = "Forward trace of a donor: every lot made from the donor's batches and every lot derived or pooled from them, "
            + "their units, where each went and the patients treated (lab analysts and QA releasers, who may identify donors)")
    SourceTrace donor(@Parameter(description = "the donor's code, e.g. D-2026-000001") @PathVariable String code) {
        return traces.forwardFromDonor(code);
    }

    @GetMapping("/batches/{code}")
    @Operation(summary = "Forward trace of an isolation batch: its lots and every lot derived or pooled from them, their units, "
            + "where each went and the patients treated")
    SourceTrace batch(@Parameter(description = "the batch's code, e.g. B-2026-0001") @PathVariable String code) {
        return traces.forwardFromBatch(code);
    }

    @GetMapping("/sessions/{id}")
    @Operation(summary = "Backward trace of a recorded treatment session: the backward trace of the unit it used "
            + "(clinicians: sessions of their clinics)")
    UnitTrace session(@Parameter(description = "the session's id") @PathVariable UUID id) {
        return traces.backwardFromSession(id);
    }

    @GetMapping("/patients/{pseudonym}")
    @Operation(summary = "Backward trace of a patient: every unit they received, each traced to its lots, batches and donors "
            + "(clinicians: patients of their clinics)")
    PatientTrace patient(@Parameter(description = "the patient's pseudonym, e.g. P-HK01-000001") @PathVariable String pseudonym) {
        return traces.backwardFromPatient(pseudonym);
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "Backward trace of a unit: where it went and who received it, its lot and every lot it was made from, "
            + "their batches and donors (donor codes only for roles that may identify donors)")
    UnitTrace unit(@Parameter(description = "the unit's printed code, e.g. L-2026-0001-U001") @PathVariable String code) {
        return traces.backward(code);
    }
}

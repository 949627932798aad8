package org.exotrace.course.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.exotrace.course.fhir.FhirExport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "FHIR", description = "A patient's course as FHIR R5, for the staff of the patient's clinic")
class FhirApi {

    static final String FHIR_JSON = "application/fhir+json";

    private final FhirExport export;

    FhirApi(FhirExport export) {
        this.export = export;
    }

    @GetMapping(value = {"/api/patients/{id}/fhir", "/patients/{id}/fhir"}, produces = {FHIR_JSON, "application/json"})
    @Operation(summary = "The patient's course as a FHIR R5 collection Bundle: Organization, Patient, Consent, CarePlan, Procedure "
            + "(used: BiologicallyDerivedProduct), Observation and AdverseEvent; the export is recorded in the audit trail")
    ResponseEntity<String> course(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, FHIR_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (download) response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"course-" + id + ".fhir.json\"");
        return response.body(export.patientCourse(id));
    }
}

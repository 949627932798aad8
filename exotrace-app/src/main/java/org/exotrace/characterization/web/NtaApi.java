package org.exotrace.characterization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.exotrace.characterization.NtaMeasurement;
import org.exotrace.characterization.NtaMeasurements;
import org.exotrace.characterization.NtaRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api")
@Tag(name = "NTA characterization", description = "Particle size and concentration of a lot from a trajectory file or a NanoSight export")
class NtaApi {

    /** {@code investigationId}: the open OOS investigation of the lot's size or concentration result, when there is one. */
    record Rerun(@NotBlank @Size(max = 1000) String reason, UUID investigationId) {}

    private final NtaMeasurements measurements;

    NtaApi(NtaMeasurements measurements) {
        this.measurements = measurements;
    }

    @PostMapping(path = "/lots/{lotId}/nta-measurements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a trajectory CSV (source=TRACKS, with pixelSizeNm, fps, temperatureC ...) or a NanoSight "
            + "ExperimentSummary.csv (source=NANOSIGHT). A concentration needs calibrationId (a calibration record from "
            + "/api/nta-calibrations) and the dilution; a typed detectionVolumePl instead gives a concentration shown as UNCALIBRATED that does not count as the lot's; with neither the "
            + "measurement gives sizes only and outcome.noConcentration says why. The whole file is checked first (a bad row is refused "
            + "with its line); the analysis then runs in the background: poll the Location until status is SUCCEEDED or FAILED.")
    ResponseEntity<NtaMeasurement> submit(@PathVariable UUID lotId, @RequestParam(value = "file", required = false) MultipartFile file,
                                          @ModelAttribute @ParameterObject NtaRequest request) {
        NtaMeasurement m = NtaInput.withFile(file, upload -> measurements.submit(lotId, request, upload));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/nta-measurements/" + m.id())).body(m);
    }

    @GetMapping("/lots/{lotId}/nta-measurements")
    List<NtaMeasurement> forLot(@PathVariable UUID lotId) {
        return measurements.forLot(lotId);
    }

    @GetMapping("/nta-measurements/{id}")
    @Operation(summary = "A measurement: status and progress, settings, outcome, the results it recorded and the command that reproduces it")
    NtaMeasurement get(@PathVariable UUID id) {
        return measurements.get(id);
    }

    @GetMapping("/nta-measurements/{id}/input")
    ResponseEntity<StreamingResponseBody> input(@PathVariable UUID id) {
        return NtaInput.download(measurements, id);
    }

    @PostMapping("/nta-measurements/{id}/rerun")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Analyse the same file with the same settings again, as a new measurement (a retest, so a reason is required); "
            + "when a size or concentration result of the lot is out of specification, only inside its investigation (investigationId)")
    NtaMeasurement rerun(@PathVariable UUID id, @Valid @RequestBody Rerun body) {
        return measurements.rerun(id, body.reason(), body.investigationId());
    }
}

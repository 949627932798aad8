package org.exotrace.characterization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.exotrace.characterization.NtaCalibration;
import org.exotrace.characterization.NtaCalibrationRequest;
import org.exotrace.characterization.NtaCalibrations;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/nta-calibrations")
@Tag(name = "NTA calibrations", description = "Detection volumes of NTA set-ups, estimated from a bead standard of stated concentration")
class NtaCalibrationApi {

    record Withdrawal(@NotBlank @Size(max = 1000) String reason) {}

    private final NtaCalibrations calibrations;

    NtaCalibrationApi(NtaCalibrations calibrations) {
        this.calibrations = calibrations;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Make a calibration from a standard's NanoSight export (source=NANOSIGHT) or trajectory file (source=TRACKS, with fps "
            + "and dilution), with the standard's stated concentration (statedConcentrationPerMl), instrument, standard, measuredOn and "
            + "validUntil. The detection volume is mean particles per frame / (stated concentration / dilution), with its uncertainty.")
    ResponseEntity<NtaCalibration> create(@RequestParam(value = "file", required = false) MultipartFile file,
                                          @ModelAttribute @ParameterObject NtaCalibrationRequest request) {
        NtaCalibration c = NtaInput.withFile(file, upload -> calibrations.create(request, upload));
        return ResponseEntity.created(URI.create("/api/nta-calibrations/" + c.id())).body(c);
    }

    @GetMapping
    @Operation(summary = "Every calibration, newest first, withdrawn ones included")
    List<NtaCalibration> all() {
        return calibrations.all();
    }

    @GetMapping("/{id}")
    NtaCalibration get(@PathVariable UUID id) {
        return calibrations.get(id);
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Withdraw a calibration with a reason: it is kept, but no longer offered for new measurements")
    NtaCalibration withdraw(@PathVariable UUID id, @Valid @RequestBody Withdrawal body) {
        return calibrations.withdraw(id, body.reason());
    }
}

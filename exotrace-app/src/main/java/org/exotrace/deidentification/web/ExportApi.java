package org.exotrace.deidentification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.exotrace.deidentification.DeidentifiedExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Evidence export", description = "De-identified exports of a cohort (ZIP of data.csv, data-dictionary.csv, README.txt), k-anonymous, audited")
class ExportApi {

    private final DeidentifiedExport exports;

    ExportApi(DeidentifiedExport exports) {
        this.exports = exports;
    }

    @PostMapping("/api/evidence/exports")
    @Operation(summary = "Export a cohort de-identified (researcher): a ZIP of data.csv, data-dictionary.csv and README.txt; "
            + "the SHA-256 of the file is in the X-Export-Sha256 header and the audit trail")
    ResponseEntity<byte[]> export(@RequestBody DeidentifiedExport.Request body) {
        return ExportController.file(exports.export(body));
    }

    @GetMapping("/api/evidence/exports")
    @Operation(summary = "Every export, newest first: who, when, on what, rows written, k, suppressed, SHA-256")
    List<DeidentifiedExport.Past> past() {
        return exports.past();
    }
}

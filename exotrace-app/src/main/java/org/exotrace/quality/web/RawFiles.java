package org.exotrace.quality.web;

import java.util.UUID;
import org.exotrace.quality.Results;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Serves an attached raw data file as a download, never inline, whatever its declared type. */
final class RawFiles {

    private RawFiles() {}

    static ResponseEntity<byte[]> download(Results results, UUID resultId) {
        Results.Upload file = results.rawFile(resultId).orElseThrow(() -> DomainProblem.notFound("Raw file of result", resultId));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename()).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(file.content());
    }
}

package org.exotrace.quality.web;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.exotrace.results.Results;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * What result forms share: a raw data file taken from the request and served back as a download
 * (never inline, whatever its declared type), and a typed result value read as a number.
 */
final class RawFiles {

    private RawFiles() {}

    /** The uploaded raw data file, or null when none was chosen. */
    static Results.Upload upload(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : new Results.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    /**
     * A typed result value (spaces between digit groups allowed); null when blank, and null with a
     * message under "value" naming an example when it is not a number.
     */
    static Double value(String typed, String example, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return Double.valueOf(typed.strip().replace(" ", ""));
        } catch (NumberFormatException e) {
            errors.put("value", "'" + typed + "' is not a number; write e.g. " + example + " or 7.2e9");
            return null;
        }
    }

    static ResponseEntity<byte[]> download(Results results, UUID resultId) {
        Results.Upload file = results.rawFile(resultId).orElseThrow(() -> DomainProblem.notFound("Raw file of result", resultId));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename()).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(file.content());
    }
}

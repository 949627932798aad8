package org.exotrace.characterization.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;
import org.exotrace.characterization.NtaMeasurement;
import org.exotrace.characterization.NtaMeasurements;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Moving NTA files in and out over HTTP, shared by the API and the pages. */
final class NtaInput {

    private NtaInput() {}

    /** The stored input file as a download (never inline), streamed from the database. */
    static ResponseEntity<StreamingResponseBody> download(NtaMeasurements measurements, UUID id) {
        NtaMeasurement m = measurements.get(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(m.filename()).build().toString())
                .header("X-Content-SHA256", m.sha256())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(m.sizeBytes())
                .body(out -> measurements.copyInput(id, out));
    }

    /** Runs {@code work} with the upload as a local file, which is deleted afterwards. */
    static <T> T withFile(MultipartFile file, Function<NtaMeasurements.Upload, T> work) {
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            throw DomainProblem.invalid("file", "choose the file to upload");
        }
        if (file.isEmpty()) throw DomainProblem.invalid("file", file.getOriginalFilename() + " is empty");
        Path local = null;
        try {
            local = Files.createTempFile("exotrace-nta-upload", ".csv");
            file.transferTo(local);
            return work.apply(new NtaMeasurements.Upload(file.getOriginalFilename(), local));
        } catch (IOException e) {
            throw new UncheckedIOException("could not receive the uploaded file", e);
        } finally {
            if (local != null) {
                try {
                    Files.deleteIfExists(local);
                } catch (IOException ignored) {
                    // a temporary copy
                }
            }
        }
    }
}

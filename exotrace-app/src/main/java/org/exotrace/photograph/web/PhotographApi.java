package org.exotrace.photograph.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.photograph.Photograph;
import org.exotrace.photograph.Photographs;
import org.exotrace.shared.DomainProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
@Tag(name = "Photographs", description = "Clinical photographs per visit and standard view (only for the staff of the patient's clinic)")
class PhotographApi {

    private final Photographs photographs;

    PhotographApi(Photographs photographs) {
        this.photographs = photographs;
    }

    @PostMapping(path = "/patients/{id}/photographs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a JPEG or PNG photograph (at most 15 MB) taken under an active photographs consent; "
            + "its metadata (EXIF, GPS, XMP, IPTC, comments) is removed before it is stored")
    Photograph upload(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate takenOn,
                      @RequestParam(defaultValue = "") String visitLabel, @RequestParam(defaultValue = "") String view,
                      @RequestParam(defaultValue = "") String side, @RequestParam(defaultValue = "") String note,
                      @RequestParam(required = false) UUID planId) throws IOException {
        byte[] content = read(file);
        return photographs.upload(id, new Photographs.NewPhotograph(planId, takenOn, visitLabel, view, side, note), content);
    }

    @GetMapping("/patients/{id}/photographs")
    List<Photograph> forPatient(@PathVariable UUID id) {
        return photographs.forPatient(id);
    }

    @GetMapping("/photographs/{id}")
    Photograph photograph(@PathVariable UUID id) {
        return photographs.get(id);
    }

    @GetMapping("/photographs/{id}/content")
    @Operation(summary = "The stored (metadata-free) image; never cached by shared caches or stored by the browser")
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        return serve(photographs.content(id));
    }

    /** The upload's bytes, null when none; a file over 15 MB is refused before it is read into memory. */
    static byte[] read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) return null;
        Photographs.tooLarge(file.getSize()).ifPresent(message -> {
            throw DomainProblem.invalid("file", message);
        });
        return file.getBytes();
    }

    /** The image with its content type, its SHA-256, and no caching anywhere. */
    static ResponseEntity<byte[]> serve(Photographs.Content c) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-SHA256", c.sha256())
                .body(c.bytes());
    }
}

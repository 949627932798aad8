package org.exotrace.release.web;

import java.util.UUID;
import org.exotrace.release.Certificates;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The certificate PDF as a download named after its number. */
final class CertificateDownload {

    private CertificateDownload() {}

    static ResponseEntity<byte[]> of(Certificates certificates, UUID lotId) {
        byte[] pdf = certificates.render(lotId);
        String name = certificates.number(lotId).orElse("certificate") + ".pdf";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }
}

package org.exotrace.release.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.exotrace.release.Certificates;
import org.exotrace.release.Decision;
import org.exotrace.release.ReleaseCheck;
import org.exotrace.release.Releases;
import org.exotrace.shared.Actors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/lots/{lotId}")
@Tag(name = "Release", description = "Signed dispositions and certificates of analysis")
class ReleaseApi {

    /** Both signature components are re-entered: user name and password. */
    record Sign(@NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 128) String password, @Size(max = 1000) String reason) {}

    private final Releases releases;
    private final Certificates certificates;

    ReleaseApi(Releases releases, Certificates certificates) {
        this.releases = releases;
        this.certificates = certificates;
    }

    @GetMapping("/release-check")
    @Operation(summary = "Whether the calling user could release the lot now, and every reason why not")
    ReleaseCheck check(@PathVariable UUID lotId) {
        return releases.check(lotId, Actors.current());
    }

    @GetMapping("/decisions")
    List<Decision> decisions(@PathVariable UUID lotId) {
        return releases.decisions(lotId);
    }

    @PostMapping("/release")
    @Operation(summary = "Release the lot under an electronic signature; 422 with every reason when refused")
    Decision release(@PathVariable UUID lotId, @Valid @RequestBody Sign body) {
        return releases.release(lotId, new Releases.Signing(body.username(), body.password(), body.reason()));
    }

    @PostMapping("/rejection")
    @Operation(summary = "Reject the lot under an electronic signature (reason required)")
    Decision reject(@PathVariable UUID lotId, @Valid @RequestBody Sign body) {
        return releases.reject(lotId, new Releases.Signing(body.username(), body.password(), body.reason()));
    }

    @PostMapping("/quarantine")
    @Operation(summary = "Quarantine the lot under an electronic signature (reason required)")
    Decision quarantine(@PathVariable UUID lotId, @Valid @RequestBody Sign body) {
        return releases.quarantine(lotId, new Releases.Signing(body.username(), body.password(), body.reason()));
    }

    @GetMapping(value = "/certificate", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The certificate of analysis of a released lot, as PDF")
    ResponseEntity<byte[]> certificate(@PathVariable UUID lotId) {
        return CertificateDownload.of(certificates, lotId);
    }
}

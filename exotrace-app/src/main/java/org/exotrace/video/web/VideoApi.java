package org.exotrace.video.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.exotrace.shared.DomainProblem;
import org.exotrace.video.VideoJob;
import org.exotrace.video.VideoJobs;
import org.exotrace.video.VideoRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api")
@Tag(name = "NTA video", description = "Particle sizing of a lot from a raw NTA video: detection, linking, then the trajectory analysis")
class VideoApi {

    private final VideoJobs jobs;

    VideoApi(VideoJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(path = "/lots/{lotId}/video-jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a video (file: .avi uncompressed or MJPEG, a multi-page .tif/.tiff, or a .zip of PNG/TIFF frames) with "
            + "pixelSizeNm, fps, temperatureC and optionally exposureMs, and, when the automatic detection misjudges the video, "
            + "particles (auto, bright or dark), featureDiameterPx (odd, 3 to 99) and thresholdSigma (1 to 100; default 5). "
            + "The settings and the video's first frame are checked first (problem+json naming each field; nothing stored); "
            + "then tracking runs in the background: poll the Location until status is DONE (measurementId names the NTA measurement of the tracks) or FAILED (error says why).")
    ResponseEntity<VideoJob> submit(@PathVariable UUID lotId, @RequestParam(value = "file", required = false) MultipartFile file,
                                    @ModelAttribute @ParameterObject VideoRequest request) {
        VideoJob job = VideoUploads.withFile(file, upload -> jobs.submit(lotId, request, upload));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/video-jobs/" + job.id())).body(job);
    }

    @GetMapping("/lots/{lotId}/video-jobs")
    List<VideoJob> forLot(@PathVariable UUID lotId) {
        return jobs.forLot(lotId);
    }

    @GetMapping("/video-jobs/{id}")
    @Operation(summary = "A video job: status, frames done of the total, what detection and linking found, and the NTA measurement of its tracks")
    VideoJob get(@PathVariable UUID id) {
        return jobs.get(id);
    }

    @GetMapping(path = "/video-jobs/{id}/overlay.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "One frame of the video (the middle one) with each detection circled and the tracks around it drawn")
    ResponseEntity<byte[]> overlay(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(jobs.overlay(id).orElseThrow(() -> DomainProblem.notFound("Drawing of video job", id)));
    }

    @GetMapping(path = "/video-jobs/{id}/per-track.csv", produces = "text/csv")
    @Operation(summary = "Each track the analysis sized, once the job is DONE: particle, positions, D (µm²/s) and its standard error, the "
            + "diameter (nm) by Stokes-Einstein and the track's mean integrated intensity (camera units), the data of an intensity-versus-size plot")
    ResponseEntity<byte[]> perTrack(@PathVariable UUID id) {
        return VideoController.perTrackCsv(jobs, id);
    }
}

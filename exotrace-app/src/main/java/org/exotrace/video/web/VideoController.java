package org.exotrace.video.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.shared.DomainProblem;
import org.exotrace.video.TrackSizes;
import org.exotrace.video.VideoJob;
import org.exotrace.video.VideoJobs;
import org.exotrace.video.VideoRefused;
import org.exotrace.video.VideoRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The video panel of a lot page (its videos with live progress, the upload form), a job's own
 * page (progress, then the drawing of one frame, the detection and linking numbers, the link
 * to the NTA measurement and the intensity-versus-size plot of its tracks), the drawing itself and
 * the per-track CSV. While a job runs its panel and page poll.
 */
@Controller
class VideoController {

    /** The lot page's other panels refresh on this when a job handed its tracks to characterization. */
    static final String CHANGED = "lot-changed, results-changed";

    private final Lots lots;
    private final VideoJobs jobs;
    private final MessageSource messages;

    VideoController(Lots lots, VideoJobs jobs, MessageSource messages) {
        this.lots = lots;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/lots/{lotId}/video")
    String panel(@PathVariable UUID lotId, @RequestParam(defaultValue = "panel") String part, @RequestParam(required = false) List<UUID> watching,
                 Model model, HttpServletResponse response) {
        List<VideoJob> list = jobs.forLot(lotId);
        if (watching != null && list.stream().anyMatch(j -> watching.contains(j.id()) && j.status().finished())) {
            response.setHeader("HX-Trigger", CHANGED);
        }
        String view = render(lotId, list, blank(), Map.of(), null, model);
        return "jobs".equals(part) ? "video/panel :: jobs" : view;
    }

    @PostMapping("/lots/{lotId}/video")
    String upload(@PathVariable UUID lotId, @ModelAttribute VideoRequest form, @RequestParam(value = "file", required = false) MultipartFile file,
                  Model model, Locale locale) {
        try {
            VideoJob job = VideoUploads.withFile(file, upload -> jobs.submit(lotId, form, upload));
            return render(lotId, jobs.forLot(lotId), keepCamera(form), Map.of(),
                    messages.getMessage("characterization.video.accepted", new Object[] {job.filename()}, locale), model);
        } catch (DomainProblem p) {
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (p instanceof VideoRefused refused) refused.problems().forEach(x -> errors.put(x.field(), message(x, locale)));
            if (errors.isEmpty()) errors.put("form", p.getMessage());
            errors.putIfAbsent("file", messages.getMessage("characterization.video.chooseAgain", null, locale));
            return render(lotId, jobs.forLot(lotId), form, errors, null, model);
        }
    }

    @GetMapping("/video/{id}")
    String page(@PathVariable UUID id, Model model) {
        VideoJob job = jobs.get(id);
        model.addAttribute("job", job);
        model.addAttribute("lot", lots.get(job.lotId()));
        jobs.measurement(job).ifPresent(m -> model.addAttribute("measurement", m));
        if (job.hasTrackSizes()) {
            TrackSizes sizes = jobs.trackSizes(id).orElseThrow();
            model.addAttribute("sized", sizes.tracks().size());
            IntensityChart.of(sizes, job.tracking() == null ? Double.NaN : job.tracking().massThreshold())
                    .ifPresent(chart -> model.addAttribute("ivs", chart));
        }
        return "video/job";
    }

    /** Each sized track's id, positions, D and its standard error, diameter and mean intensity, as CSV. */
    @GetMapping("/video/{id}/per-track.csv")
    ResponseEntity<byte[]> perTrack(@PathVariable UUID id) {
        return perTrackCsv(jobs, id);
    }

    /** The per-track CSV as a download named after the video. */
    static ResponseEntity<byte[]> perTrackCsv(VideoJobs jobs, UUID id) {
        VideoJob job = jobs.get(id);
        byte[] csv = jobs.perTrackCsv(id).orElseThrow(() -> DomainProblem.notFound("Per-track sizes of video job", id));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(perTrackName(job.filename()),
                        StandardCharsets.UTF_8).build().toString())
                .body(csv);
    }

    /** particles.zip gives particles-per-track.csv. */
    static String perTrackName(String video) {
        int dot = video.lastIndexOf('.');
        return (dot > 0 ? video.substring(0, dot) : video) + "-per-track.csv";
    }

    @GetMapping("/video/{id}/status")
    String status(@PathVariable UUID id, Model model, HttpServletResponse response) {
        VideoJob job = jobs.get(id);
        var measurement = jobs.measurement(job);
        if (job.status().finished() && measurement.map(m -> m.status().finished()).orElse(true)) response.setHeader("HX-Refresh", "true");
        model.addAttribute("job", job);
        measurement.ifPresent(m -> model.addAttribute("measurement", m));
        return "video/job :: status";
    }

    /** The drawing of one frame with its detections and tracks. */
    @GetMapping("/video/{id}/overlay.png")
    ResponseEntity<byte[]> overlay(@PathVariable UUID id) {
        byte[] png = jobs.overlay(id).orElseThrow(() -> DomainProblem.notFound("Drawing of video job", id));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache()).body(png);
    }

    /** On an NTA measurement's page: the video it came from and its drawing, when it came from one (nothing otherwise). */
    @GetMapping("/nta/{measurementId}/video")
    String ofMeasurement(@PathVariable UUID measurementId, Model model) {
        jobs.forMeasurement(measurementId).ifPresent(j -> model.addAttribute("job", j));
        return "video/from-measurement :: fromVideo";
    }

    private String message(VideoRefused.Problem problem, Locale locale) {
        String text = messages.getMessage(problem.key(), problem.args().toArray(), null, locale);
        return text == null || text.equals(problem.key()) ? problem.english() : text;
    }

    private static VideoRequest blank() {
        return new VideoRequest("", "", "", "", "", "", "", "", "", "");
    }

    /** The next form keeps the camera's settings and the stated detection: the next video is usually from the same set-up. */
    private static VideoRequest keepCamera(VideoRequest typed) {
        return new VideoRequest(typed.pixelSizeNm(), typed.fps(), typed.temperatureC(), typed.exposureMs(), typed.instrument(), "", "",
                typed.particles(), typed.featureDiameterPx(), typed.thresholdSigma());
    }

    private String render(UUID lotId, List<VideoJob> list, VideoRequest form, Map<String, String> errors, String notice, Model model) {
        Lot lot = lots.get(lotId);
        model.addAttribute("lot", lot);
        model.addAttribute("open", lot.acceptsResults());
        model.addAttribute("jobs", list);
        model.addAttribute("active", list.stream().filter(j -> !j.status().finished()).map(VideoJob::id).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("locale", LocaleContextHolder.getLocale());
        return "video/panel :: panel";
    }
}

package org.exotrace.video.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.exotrace.video.VideoJobs;
import org.springframework.web.multipart.MultipartFile;

/** Receiving a video over HTTP, shared by the API and the pages. */
final class VideoUploads {

    private VideoUploads() {}

    /**
     * Runs {@code work} with the upload as a local file that keeps its extension (the frame readers
     * choose by it), deleted afterwards; a missing or empty part is passed on as no file, so the
     * service names it among the other fields.
     */
    static <T> T withFile(MultipartFile file, Function<VideoJobs.Upload, T> work) {
        String name = file == null ? null : file.getOriginalFilename();
        if (name == null || name.isBlank()) return work.apply(null);
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String suffix = dot >= 0 && lower.length() - dot <= 6 ? lower.substring(dot).replaceAll("[^.a-z0-9]", "") : "";
        Path local = null;
        try {
            local = Files.createTempFile("exotrace-video-upload", suffix);
            file.transferTo(local);
            return work.apply(new VideoJobs.Upload(name, local));
        } catch (IOException e) {
            throw new UncheckedIOException("could not receive the uploaded video", e);
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

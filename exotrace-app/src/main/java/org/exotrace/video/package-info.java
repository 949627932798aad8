/**
 * Sizing a lot from raw NTA video: an analyst uploads a video (AVI, multi-page TIFF or a ZIP of
 * frames) with the camera's pixel size, frame rate and temperature; a background job detects and
 * links the particles with the {@code exotrace-nta} library, draws one frame with its detections and
 * tracks, and hands the tracks to the characterization module as a trajectory upload, so the results
 * are recorded, judged and audited exactly as for tracks. This module owns the video, the job and
 * the drawing; the measurement is characterization's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "NTA from video", allowedDependencies = {"characterization", "batch", "shared"})
package org.exotrace.video;

package org.exotrace.video;

import org.exotrace.nta.video.Polarity;

/**
 * What detection and linking found in a video and the parameters they chose, as shown beside the
 * drawing: enough to judge whether the threshold and the linking suit the sample.
 *
 * @param frames               frames read
 * @param width                frame width, px
 * @param height               frame height, px
 * @param source               what was read, for a person (e.g. "60 PNG frames in v.zip")
 * @param particlesPerFrame    mean detections per frame
 * @param tracks               tracks linked
 * @param positions            positions in those tracks
 * @param gapsClosed           gaps bridged by the linker's memory
 * @param medianTrackLength    median positions per track
 * @param featureDiameterPx    feature diameter used by detection, px
 * @param featureSizeFromData  whether detection chose that diameter from the frames
 * @param thresholdSigma       detection threshold, in noise standard deviations of the band-passed image
 * @param noiseSigma           that noise, camera units
 * @param massThreshold        the smallest integrated intensity a detected feature can have, camera units
 * @param searchRadiusPx       the linker's search radius, px
 * @param memoryFrames         frames a particle may be missed and still be linked
 * @param saturatedPositions   positions whose spot had a saturated pixel
 * @param overlayFrame         the frame drawn with detections and tracks (0-based)
 * @param polarity             whether detection took the particles as bright or dark; null for a job tracked before it was kept
 * @param polarityFromData     whether detection decided that from the frames (false: the analyst stated it); null as for {@code polarity}
 */
public record Tracking(int frames, int width, int height, String source, double particlesPerFrame, long tracks, long positions,
                       long gapsClosed, int medianTrackLength, int featureDiameterPx, boolean featureSizeFromData, double thresholdSigma,
                       double noiseSigma, double massThreshold, double searchRadiusPx, int memoryFrames, long saturatedPositions,
                       int overlayFrame, Polarity polarity, Boolean polarityFromData) {}

package org.exotrace.nta.detectionlimit;

import org.exotrace.nta.analysis.AnalysisResult;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.NtaAnalysis;
import org.exotrace.nta.analysis.SizingMethod;
import org.exotrace.nta.distribution.WalkerDeconvolution;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.simulate.VideoRenderer;
import org.exotrace.nta.sizing.StokesEinstein;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.nta.tracks.Tracks;
import org.exotrace.nta.video.VideoSettings;
import org.exotrace.nta.video.VideoTracking;

/**
 * A rendered video taken through the whole path as {@code nta video} does: tracking, the per-track
 * stage, the size distribution, the detection limit and, when it is identified, the size
 * distribution again with the detection-depth correction.
 */
record RenderedVideo(VideoRenderer video, VideoTracking.Result tracking, AnalysisResult plain, DetectionLimit limit,
                     AnalysisResult corrected) {

    static RenderedVideo analyse(VideoRenderer video) throws Exception {
        VideoSettings settings = VideoSettings.of(video.pixelSizeUm() * 1000, video.framesPerSecond(), video.temperatureKelvin() - 273.15, null);
        TrackCollector collector = new TrackCollector();
        VideoTracking.Result tracking = VideoTracking.track(video, settings, collector, VideoTracking.Progress.NONE);
        AnalysisSettings analysis = new AnalysisSettings(TrajectoryFormat.trackpy().inMicrometres(), video.framesPerSecond(),
                Temperature.ofKelvin(video.temperatureKelvin()), video.viscosity(), true, SizingMethod.ML, 5, null, null, null, null, 0, 1);
        NtaAnalysis analyser = new NtaAnalysis(analysis, m -> { });
        Tracks tracks = collector.tracks();
        NtaAnalysis.PerTrackResult perTrack = analyser.perTrackStage(tracks);
        AnalysisResult plain = analyser.run(tracks, perTrack);
        WalkerDeconvolution walker = WalkerDeconvolution.on(NtaAnalysis.DEFAULT_GRID, new StokesEinstein(analysis.temperature(), analysis.viscosity()))
                .withLocalizationVariance(perTrack.sigma2Um2()).withMotionBlur(perTrack.motionBlur().motionBlur());
        DetectionLimit limit = DetectionLimitEstimator.estimate(walker, perTrack.diffusions(), tracking.brightnessByTrack(), tracking.massThreshold());
        AnalysisResult corrected = limit.identified()
                ? analyser.withSamplingModel(DetectionDepthSampling.of(limit)).run(tracks, perTrack) : null;
        return new RenderedVideo(video, tracking, plain, limit, corrected);
    }
}

package org.exotrace.video;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exotrace.characterization.NtaRequest;
import org.exotrace.characterization.NtaSettingsRefused;
import org.exotrace.nta.detect.DetectionSettings;
import org.exotrace.nta.video.Polarity;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Texts;

/**
 * A video upload's fields as typed (form fields or multipart API parts). The camera and sample
 * settings are checked by the same catalogue as a trajectory upload (they become the tracks'
 * settings); the exposure, when given, must fit in one frame time and sets the motion blur
 * {@code R = t_E / (6 Δt)} (Savin and Doyle 2005; Vestergaard, Blainey and Flyvbjerg 2014, for a
 * shutter open for {@code t_E} of each frame interval {@code Δt}); blank leaves the blur to the analysis.
 * The measurement gives sizes only: a concentration needs a calibrated detection volume, which is
 * chosen with a trajectory upload. The detection fields are optional: blank leaves each choice to the
 * library ({@link Detection}), and a stated one must pass the library's own checks.
 */
public record VideoRequest(String pixelSizeNm, String fps, String temperatureC, String exposureMs, String instrument, String measuredAt,
                           String retestReason, String particles, String featureDiameterPx, String thresholdSigma) {

    /** An upload with detection left to the library. */
    public VideoRequest(String pixelSizeNm, String fps, String temperatureC, String exposureMs, String instrument, String measuredAt,
                        String retestReason) {
        this(pixelSizeNm, fps, temperatureC, exposureMs, instrument, measuredAt, retestReason, "", "", "");
    }

    /** The settings, checked: every wrong field in one {@link VideoRefused}. */
    public Checked check(ZoneId zone) {
        List<VideoRefused.Problem> problems = new ArrayList<>();
        NtaRequest tracks = null;
        try {
            tracks = tracksRequest(null);
            tracks.settings();
        } catch (NtaSettingsRefused refused) {
            // A missing setting is said in the page's language; the catalogue's other rules keep its English words.
            refused.problems().forEach(p -> problems.add(p.key().endsWith(".required")
                    ? new VideoRefused.Problem(p.field(), "characterization.video.error.required", List.of(), p.message())
                    : new VideoRefused.Problem(p.field(), p.key(), List.copyOf(p.args()), p.message())));
            tracks = null;
        }
        Double exposure = null;
        if (!blank(exposureMs)) {
            try {
                exposure = Double.parseDouble(exposureMs.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                problems.add(new VideoRefused.Problem("exposureMs", "characterization.video.error.notANumber", List.of(exposureMs),
                        "'" + exposureMs + "' is not a number"));
            }
        }
        if (exposure != null && tracks != null) {
            double frameMs = 1000 / Double.parseDouble(fps.strip().replace(',', '.'));
            if (!(exposure > 0 && exposure <= frameMs * (1 + 1e-9))) {
                String frame = String.format(Locale.ROOT, "%.3g", frameMs);
                problems.add(new VideoRefused.Problem("exposureMs", "characterization.video.error.exposure", List.of(frame),
                        "the exposure must be more than 0 and at most one frame time (" + frame + " ms at this frame rate)"));
            }
        }
        for (String[] text : new String[][] {{"instrument", instrument, "200"}, {"retestReason", retestReason, "1000"}}) {
            try {
                Texts.check(text[0], text[1], Integer.parseInt(text[2]), false);
            } catch (DomainProblem p) {
                problems.add(new VideoRefused.Problem(text[0], "characterization.video.error.text", List.of(text[2]), p.fieldErrors().get(text[0])));
            }
        }
        Instant at = null;
        try {
            at = tracksRequest(null).measuredAtInstant(zone);
            if (at.isAfter(Instant.now().plusSeconds(300))) {
                problems.add(new VideoRefused.Problem("measuredAt", "characterization.video.error.future", List.of(), "cannot be in the future"));
            }
        } catch (DomainProblem p) {
            problems.add(new VideoRefused.Problem("measuredAt", "characterization.video.error.measuredAt", List.of(measuredAt),
                    p.fieldErrors().getOrDefault("measuredAt", p.getMessage())));
        }
        Detection detection = detection(problems);
        if (!problems.isEmpty()) throw new VideoRefused(problems);
        return new Checked(number(pixelSizeNm), number(fps), number(temperatureC), exposure, Texts.blankToNull(instrument), at,
                Texts.blankToNull(retestReason), detection);
    }

    /** The stated detection choices, or null with a problem for each wrong field. */
    private Detection detection(List<VideoRefused.Problem> problems) {
        int before = problems.size();
        Polarity polarity = null;
        if (!blank(particles)) {
            switch (particles.strip().toLowerCase(Locale.ROOT)) {
                case "auto" -> polarity = Polarity.AUTO;
                case "bright" -> polarity = Polarity.BRIGHT;
                case "dark" -> polarity = Polarity.DARK;
                default -> problems.add(new VideoRefused.Problem("particles", "characterization.video.error.particles", List.of(particles),
                        "particles must be auto, bright or dark, not '" + particles + "'"));
            }
        }
        Integer diameter = null;
        if (!blank(featureDiameterPx)) {
            try {
                diameter = Integer.valueOf(featureDiameterPx.strip());
                if (diameter == 0) throw new IllegalArgumentException("0");
                Detection.settings(diameter, null);
            } catch (IllegalArgumentException e) {
                diameter = null;
                problems.add(new VideoRefused.Problem("featureDiameterPx", "characterization.video.error.featureDiameter", List.of(featureDiameterPx),
                        "the feature diameter must be an odd whole number of pixels from 3 to 99, not '" + featureDiameterPx
                                + "'; leave it blank to choose it from the frames"));
            }
        }
        Double threshold = null;
        if (!blank(thresholdSigma)) {
            try {
                threshold = Double.valueOf(thresholdSigma.strip().replace(',', '.'));
                Detection.settings(null, threshold);
            } catch (IllegalArgumentException e) {
                threshold = null;
                String byDefault = String.format(Locale.ROOT, "%.0f", DetectionSettings.DEFAULT_THRESHOLD_SIGMA);
                problems.add(new VideoRefused.Problem("thresholdSigma", "characterization.video.error.threshold", List.of(thresholdSigma, byDefault),
                        "the threshold must be a number of noise standard deviations from 1 to 100, not '" + thresholdSigma
                                + "'; leave it blank for the default " + byDefault));
            }
        }
        return problems.size() > before ? null : new Detection(polarity, diameter, threshold);
    }

    /** The settings as numbers, after {@link #check}. */
    public record Checked(double pixelSizeNm, double fps, double temperatureC, Double exposureMs, String instrument, Instant measuredAt,
                          String retestReason, Detection detection) {

        /** The motion-blur coefficient of a shutter open {@code exposureMs} of each frame, or null when not stated. */
        public Double motionBlur() {
            return exposureMs == null ? null : exposureMs / (1000 / fps) / 6;
        }

        /** The trajectory upload the tracks become: pixel units, this camera, the catalogue's defaults otherwise, sizes only. */
        public NtaRequest tracksRequest() {
            VideoRequest again = new VideoRequest(Double.toString(pixelSizeNm), Double.toString(fps), Double.toString(temperatureC),
                    exposureMs == null ? "" : Double.toString(exposureMs), instrument, measuredAt.toString(), retestReason);
            return again.tracksRequest(motionBlur());
        }
    }

    private NtaRequest tracksRequest(Double motionBlur) {
        NtaRequest d = NtaRequest.blank(null);
        return new NtaRequest("TRACKS", pixelSizeNm, "px", fps, temperatureC, d.viscosityMPaS(), d.waterModel(), d.drift(), d.method(),
                d.minTrackLength(), motionBlur == null ? "" : NtaRequest.plain(motionBlur), "", "", d.bootstrap(), d.seed(), "", instrument,
                measuredAt, retestReason, "");
    }

    private static double number(String text) {
        return Double.parseDouble(text.strip().replace(',', '.'));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package org.exotrace.nta.video;

import org.exotrace.nta.detect.DetectionSettings;
import org.exotrace.nta.link.LinkSettings;
import org.exotrace.nta.sizing.StokesEinstein;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.WaterModel;

/**
 * What tracking a video needs to know about the camera and the sample.
 *
 * @param pixelSizeNm        the side of one pixel in the sample plane, nm
 * @param framesPerSecond    the camera's frame rate
 * @param temperatureC       the sample temperature, °C (sets the fastest expected diffusion)
 * @param exposureMs         the exposure per frame, ms; {@code null} when not known (the analysis
 *                           then estimates the motion blur from the tracks)
 * @param memoryFrames       how many frames a particle may be missed and still be linked (gap closing)
 * @param smallestDiameterNm the smallest particle the linker must be able to follow: its diffusion
 *                           coefficient in water at this temperature sets the search radius
 * @param detection          the detection settings ({@link DetectionSettings#automatic()} chooses
 *                           the feature size from the data)
 * @param polarity           bright or dark particles; {@link Polarity#AUTO} decides from the frames
 */
public record VideoSettings(double pixelSizeNm, double framesPerSecond, double temperatureC, Double exposureMs,
                            int memoryFrames, double smallestDiameterNm, DetectionSettings detection, Polarity polarity) {

    /** Three frames of gap closing. */
    public static final int DEFAULT_MEMORY = 3;
    /** 30 nm: about the smallest vesicle a scattering NTA camera can see. */
    public static final double DEFAULT_SMALLEST_DIAMETER_NM = 30;

    public VideoSettings {
        if (!(pixelSizeNm > 0 && pixelSizeNm < 1e5)) throw new IllegalArgumentException("pixel size must be a positive number of nm, not " + pixelSizeNm);
        if (!(framesPerSecond > 0 && framesPerSecond <= 10_000)) {
            throw new IllegalArgumentException("frame rate must be between 0 and 10,000 frames per second, not " + framesPerSecond);
        }
        if (!(temperatureC > -20 && temperatureC < 100)) throw new IllegalArgumentException("temperature must be in °C between -20 and 100, not " + temperatureC);
        if (exposureMs != null && !(exposureMs > 0 && exposureMs <= 1000.0 / framesPerSecond * (1 + 1e-9))) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "exposure must be positive and at most one frame time (%.3g ms at %.4g fps), not %s ms", 1000.0 / framesPerSecond,
                    framesPerSecond, exposureMs));
        }
        if (memoryFrames < 0 || memoryFrames > 50) throw new IllegalArgumentException("memory must be 0 to 50 frames, not " + memoryFrames);
        if (!(smallestDiameterNm >= 1 && smallestDiameterNm <= 100_000)) {
            throw new IllegalArgumentException("smallest diameter must be 1 nm to 100 µm, not " + smallestDiameterNm);
        }
        if (detection == null) detection = DetectionSettings.automatic();
        if (polarity == null) polarity = Polarity.AUTO;
    }

    /** Automatic detection, three frames of memory, linking fast enough for 30 nm particles. */
    public static VideoSettings of(double pixelSizeNm, double framesPerSecond, double temperatureC, Double exposureMs) {
        return new VideoSettings(pixelSizeNm, framesPerSecond, temperatureC, exposureMs, DEFAULT_MEMORY, DEFAULT_SMALLEST_DIAMETER_NM,
                DetectionSettings.automatic(), Polarity.AUTO);
    }

    public VideoSettings withDetection(DetectionSettings d) {
        return new VideoSettings(pixelSizeNm, framesPerSecond, temperatureC, exposureMs, memoryFrames, smallestDiameterNm, d, polarity);
    }

    public VideoSettings withMemory(int frames) {
        return new VideoSettings(pixelSizeNm, framesPerSecond, temperatureC, exposureMs, frames, smallestDiameterNm, detection, polarity);
    }

    public VideoSettings withSmallestDiameter(double nm) {
        return new VideoSettings(pixelSizeNm, framesPerSecond, temperatureC, exposureMs, memoryFrames, nm, detection, polarity);
    }

    public VideoSettings withPolarity(Polarity p) {
        return new VideoSettings(pixelSizeNm, framesPerSecond, temperatureC, exposureMs, memoryFrames, smallestDiameterNm, detection, p);
    }

    public double pixelSizeUm() {
        return pixelSizeNm / 1000;
    }

    public double frameSeconds() {
        return 1 / framesPerSecond;
    }

    /** Linking that can follow the smallest particle, with this memory. */
    public LinkSettings linking() {
        return LinkSettings.fromDiffusion(fastestDiffusionUm2PerS(), frameSeconds(), pixelSizeUm(), memoryFrames);
    }

    /** The diffusion coefficient of the smallest particle to follow, in water at the temperature, µm²/s. */
    public double fastestDiffusionUm2PerS() {
        return StokesEinstein.inWater(Temperature.ofCelsius(temperatureC), WaterModel.VOGEL).diffusionUm2PerS(smallestDiameterNm);
    }
}

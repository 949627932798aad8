package org.exotrace.nta.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.exotrace.nta.io.SharedDataTest;
import org.junit.jupiter.api.Test;

/**
 * The real bead video in the shared data folder (bulk_water: 300 PNG frames, 640 × 424, 8-bit
 * RGBA, 1 µm latex) read as a folder: 300 frames announced, the first 30 read in order, and the
 * grey levels of frames 0 and 29 equal to the luminance computed here straight from ImageIO's raster. Skipped when
 * the shared data folder is absent.
 */
class FrameSourcesRealDataTest extends SharedDataTest {

    private static double luminanceMean(Path png, float[] compareWith) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        Raster r = image.getRaster();
        assertThat(r.getNumBands()).as("RGBA").isEqualTo(4);
        double sum = 0;
        double worst = 0;
        int[] px = new int[4];
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < r.getWidth(); x++) {
                r.getPixel(x, y, px);
                double grey = 0.299 * px[0] + 0.587 * px[1] + 0.114 * px[2];
                worst = Math.max(worst, Math.abs(compareWith[y * r.getWidth() + x] - grey));
                sum += grey;
            }
        }
        assertThat(worst).as("largest difference from the luminance in " + png.getFileName()).isLessThan(1e-3);
        return sum / (r.getWidth() * (double) r.getHeight());
    }

    @Test
    void readsTheBeadVideoFolderFrameByFrame() throws Exception {
        Path first = sharedFile("bulk_water/bulk_water_000.png");
        Path folder = first.getParent();

        try (FrameSource source = FrameSources.open(folder)) {
            assertThat(source.frameCount()).hasValue(300);
            assertThat(source.width()).isEqualTo(640);
            assertThat(source.height()).isEqualTo(424);
            assertThat(source.description()).isEqualTo("300 PNG frames, 640 × 424, 8-bit colour read as grey");

            Frame frame = source.next();
            assertThat(frame.bitDepth()).isEqualTo(8);
            double mean = luminanceMean(first, frame.pixels());
            assertThat(mean).as("mean grey of the first frame: neither black nor saturated (127.07 when written)").isBetween(100.0, 150.0);

            // The first second (24 frames) and a little more, in order; decoding all 300 would only repeat this, slowly.
            for (int i = 1; i < 30; i++) {
                frame = source.next();
                assertThat(frame.index()).isEqualTo(i);
            }
            luminanceMean(folder.resolve("bulk_water_029.png"), frame.pixels());
        }
    }
}

package org.exotrace.nta.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames written with known pixel values in every stored form (PNG 8- and 16-bit grey, RGB, RGBA,
 * 16-bit RGB, palette; 16-bit multi-page TIFF; a zip) must read back exactly, in the order of the
 * number in their names, numbered from 0; colour as 0.299 R + 0.587 G + 0.114 B; and bad input
 * must fail with a message naming the file.
 */
class FrameSourcesTest {

    private static final int W = 7;
    private static final int H = 5;

    @TempDir
    Path dir;

    /** The 8-bit test pattern of frame k: every value 0..255 reachable, different per frame. */
    static int grey8(int x, int y, int k) {
        return (x * 37 + y * 11 + k * 53) % 256;
    }

    /** The 16-bit test pattern, spanning the full 0..65535 range. */
    static int grey16(int x, int y, int k) {
        return (x * 9_973 + y * 40_009 + k * 7_919) % 65_536;
    }

    static BufferedImage greyImage8(int k) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) img.getRaster().setSample(x, y, 0, grey8(x, y, k));
        }
        return img;
    }

    static BufferedImage greyImage16(int k) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) img.getRaster().setSample(x, y, 0, grey16(x, y, k));
        }
        return img;
    }

    private static void assertPixels(Frame frame, int k, boolean sixteen) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int expected = sixteen ? grey16(x, y, k) : grey8(x, y, k);
                assertThat(frame.pixels()[y * W + x]).as("frame %d pixel (%d, %d)", k, x, y).isEqualTo((float) expected);
            }
        }
    }

    private static double luminance(int r, int g, int b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    @Test
    void readsAFolderOf8BitGreyPngsInTheOrderOfTheNumberInTheirNames() throws Exception {
        for (int k : new int[] {10, 2, 1}) ImageIO.write(greyImage8(k), "png", dir.resolve("frame_" + k + ".png").toFile());
        Files.writeString(dir.resolve("README.txt"), "not a frame");
        Files.writeString(dir.resolve("notes.csv"), "1,2,3");

        try (FrameSource source = FrameSources.open(dir)) {
            assertThat(source.frameCount()).hasValue(3);
            assertThat(source.width()).isEqualTo(W);
            assertThat(source.height()).isEqualTo(H);
            assertThat(source.description()).isEqualTo("3 PNG frames, 7 × 5, 8-bit grey");
            int[] expectedNumbers = {1, 2, 10};
            Frame previous = null;
            for (int i = 0; i < 3; i++) {
                Frame f = source.next();
                assertThat(f.index()).isEqualTo(i);
                assertThat(f.bitDepth()).isEqualTo(8);
                assertThat(f.maxValue()).isEqualTo(255.0);
                assertPixels(f, expectedNumbers[i], false);
                if (previous != null) assertThat(f).as("one frame object, reused").isSameAs(previous);
                previous = f;
            }
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void reads16BitGreyPngsExactlyOverTheFullRange() throws Exception {
        for (int k = 0; k < 3; k++) ImageIO.write(greyImage16(k), "png", dir.resolve("img" + k + ".png").toFile());

        try (FrameSource source = FrameSources.open(dir)) {
            assertThat(source.description()).isEqualTo("3 PNG frames, 7 × 5, 16-bit grey");
            for (int k = 0; k < 3; k++) {
                Frame f = source.next();
                assertThat(f.bitDepth()).isEqualTo(16);
                assertThat(f.maxValue()).isEqualTo(65_535.0);
                assertPixels(f, k, true);
            }
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void readsColourAsLuminanceAndIgnoresAlpha() throws Exception {
        BufferedImage rgba = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int alpha = (x * 50) % 256;
                rgba.setRGB(x, y, alpha << 24 | grey8(x, y, 0) << 16 | grey8(x, y, 1) << 8 | grey8(x, y, 2));
            }
        }
        Path file = dir.resolve("colour.png");
        ImageIO.write(rgba, "png", file.toFile());

        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.frameCount()).hasValue(1);
            assertThat(source.description()).isEqualTo("1 PNG frame (colour.png), 7 × 5, 8-bit colour read as grey");
            Frame f = source.next();
            assertThat(f.index()).isZero();
            assertThat(f.bitDepth()).isEqualTo(8);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double expected = luminance(grey8(x, y, 0), grey8(x, y, 1), grey8(x, y, 2));
                    assertThat((double) f.pixels()[y * W + x]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
                }
            }
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void readsA16BitRgbPngAsLuminanceKeepingTheDepth() throws Exception {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16}, false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                raster.setSample(x, y, 0, grey16(x, y, 0));
                raster.setSample(x, y, 1, grey16(x, y, 1));
                raster.setSample(x, y, 2, grey16(x, y, 2));
            }
        }
        Path file = dir.resolve("deep.png");
        ImageIO.write(new BufferedImage(cm, raster, false, null), "png", file.toFile());

        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.description()).endsWith("16-bit colour read as grey");
            Frame f = source.next();
            assertThat(f.bitDepth()).isEqualTo(16);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double expected = luminance(grey16(x, y, 0), grey16(x, y, 1), grey16(x, y, 2));
                    assertThat((double) f.pixels()[y * W + x]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-2));
                }
            }
        }
    }

    @Test
    void readsAPalettePngThroughItsPalette() throws Exception {
        byte[] r = new byte[4];
        byte[] g = new byte[4];
        byte[] b = new byte[4];
        int[][] colours = {{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {10, 20, 200}};
        for (int i = 0; i < 4; i++) {
            r[i] = (byte) colours[i][0];
            g[i] = (byte) colours[i][1];
            b[i] = (byte) colours[i][2];
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 4, r, g, b));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) img.getRaster().setSample(x, y, 0, (x + y) % 4);
        }
        Path file = dir.resolve("palette.png");
        ImageIO.write(img, "png", file.toFile());

        try (FrameSource source = FrameSources.open(file)) {
            Frame f = source.next();
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int[] c = colours[(x + y) % 4];
                    assertThat((double) f.pixels()[y * W + x]).isCloseTo(luminance(c[0], c[1], c[2]), org.assertj.core.data.Offset.offset(1e-3));
                }
            }
        }
    }

    /** Writes the pages with TwelveMonkeys' TIFF writer (the plugin this library depends on). */
    static void writeTiffStack(Path file, List<BufferedImage> pages) throws IOException {
        ImageWriter writer = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext();) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.twelvemonkeys")) writer = w;
        }
        assertThat(writer).as("TwelveMonkeys TIFF writer on the class path").isNotNull();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) writer.writeToSequence(new IIOImage(page, null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    @Test
    void readsAMultiPage16BitTiffPageByPage() throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        for (int k = 0; k < 6; k++) pages.add(greyImage16(k));
        Path file = dir.resolve("stack.tif");
        writeTiffStack(file, pages);

        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.frameCount()).hasValue(6);
            assertThat(source.description()).isEqualTo("TIFF stack.tif: 6 pages, 7 × 5, 16-bit grey");
            for (int k = 0; k < 6; k++) {
                Frame f = source.next();
                assertThat(f.index()).isEqualTo(k);
                assertThat(f.bitDepth()).isEqualTo(16);
                assertPixels(f, k, true);
            }
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void readsAFolderOfTiffFrames() throws Exception {
        for (int k = 0; k < 3; k++) writeTiffStack(dir.resolve("t" + String.format("%03d", k) + ".tiff"), List.of(greyImage8(k)));

        try (FrameSource source = FrameSources.open(dir)) {
            assertThat(source.description()).isEqualTo("3 TIFF frames, 7 × 5, 8-bit grey");
            for (int k = 0; k < 3; k++) assertPixels(source.next(), k, false);
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void readsAZipOfFramesInTheOrderOfTheNumberInTheirNames() throws Exception {
        Path zip = dir.resolve("frames.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("video/"));
            out.closeEntry();
            for (int k : new int[] {11, 3, 0, 9}) {
                out.putNextEntry(new ZipEntry("video/f" + k + ".png"));
                writePng(greyImage16(k), out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("video/info.txt"));
            out.write("recorded at 30 fps".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }

        try (FrameSource source = FrameSources.open(zip)) {
            assertThat(source.frameCount()).hasValue(4);
            assertThat(source.description()).isEqualTo("4 PNG frames in frames.zip, 7 × 5, 16-bit grey");
            int[] order = {0, 3, 9, 11};
            for (int i = 0; i < order.length; i++) {
                Frame f = source.next();
                assertThat(f.index()).isEqualTo(i);
                assertPixels(f, order[i], true);
            }
            assertThat(source.next()).isNull();
        }
    }

    private static void writePng(BufferedImage img, OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        bytes.writeTo(out);
    }

    @Test
    void ordersNamesByTheirLastNumber() {
        List<String> names = new ArrayList<>(List.of("run2_frame10.png", "run2_frame2.png", "run2_frame0001.png", "background.png", "run2_frame02b.png"));
        names.sort(FrameSources::compareByLastNumber);
        assertThat(names).containsExactly("background.png", "run2_frame0001.png", "run2_frame02b.png", "run2_frame2.png", "run2_frame10.png");
    }

    @Test
    void refusesAnEmptyFolderNamingIt() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty_run"));
        Files.writeString(empty.resolve("README"), "nothing here");
        assertThatThrownBy(() -> FrameSources.open(empty))
                .isInstanceOf(VideoFormatException.class)
                .hasMessageContaining("empty_run")
                .hasMessageContaining("no PNG or TIFF frames");
    }

    @Test
    void refusesFramesOfDifferentSizesNamingTheOddFile() throws Exception {
        ImageIO.write(greyImage8(0), "png", dir.resolve("a_1.png").toFile());
        ImageIO.write(new BufferedImage(W + 1, H, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("a_2.png").toFile());

        try (FrameSource source = FrameSources.open(dir)) {
            assertThat(source.next()).isNotNull();
            assertThatThrownBy(source::next)
                    .isInstanceOf(VideoFormatException.class)
                    .hasMessageContaining("a_2.png")
                    .hasMessageContaining("8 × 5")
                    .hasMessageContaining("same size");
        }
    }

    @Test
    void refusesAnUnknownExtensionNamingTheFile() throws Exception {
        Path mov = Files.write(dir.resolve("capture.mov"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> FrameSources.open(mov))
                .isInstanceOf(VideoFormatException.class)
                .hasMessageContaining("capture.mov")
                .hasMessageContaining(".avi");
    }

    @Test
    void refusesAMissingPath() {
        assertThatThrownBy(() -> FrameSources.open(dir.resolve("nowhere")))
                .isInstanceOf(VideoFormatException.class)
                .hasMessageContaining("nowhere")
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesACorruptFrameNamingTheFile() throws Exception {
        ImageIO.write(greyImage8(0), "png", dir.resolve("f1.png").toFile());
        ImageIO.write(greyImage8(1), "png", dir.resolve("f2.png").toFile());
        byte[] whole = Files.readAllBytes(dir.resolve("f2.png"));
        Files.write(dir.resolve("f2.png"), Arrays.copyOf(whole, whole.length / 2));

        try (FrameSource source = FrameSources.open(dir)) {
            assertThat(source.next()).isNotNull();
            assertThatThrownBy(source::next)
                    .isInstanceOf(VideoFormatException.class)
                    .hasMessageContaining("f2.png")
                    .hasMessageContaining("could not be decoded");
        }
    }

    @Test
    void refusesAFileWithAFrameExtensionThatIsNoImage() throws Exception {
        Files.writeString(dir.resolve("f1.png"), "this is text, not a PNG");
        assertThatThrownBy(() -> FrameSources.open(dir))
                .isInstanceOf(VideoFormatException.class)
                .hasMessageContaining("f1.png")
                .hasMessageContaining("neither PNG nor TIFF");
    }

    @Test
    void refusesACorruptTiffNamingIt() throws Exception {
        writeTiffStack(dir.resolve("stack.tif"), List.of(greyImage16(0), greyImage16(1)));
        byte[] whole = Files.readAllBytes(dir.resolve("stack.tif"));
        Path cut = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(whole, 40));
        assertThatThrownBy(() -> {
            try (FrameSource source = FrameSources.open(cut)) {
                while (source.next() != null) {
                    assertThat(source.width()).isEqualTo(W);
                }
            }
        }).isInstanceOf(VideoFormatException.class).hasMessageContaining("cut.tif");
    }

    @Test
    void refusesAFolderMixingPngAndTiff() throws Exception {
        ImageIO.write(greyImage8(0), "png", dir.resolve("f1.png").toFile());
        writeTiffStack(dir.resolve("f2.tif"), List.of(greyImage8(1)));
        assertThatThrownBy(() -> FrameSources.open(dir))
                .isInstanceOf(VideoFormatException.class)
                .hasMessageContaining("mixes PNG and TIFF")
                .hasMessageContaining("f2.tif");
    }

    @Test
    void refusesAZipWithoutFramesAndACorruptZip() throws Exception {
        Path zip = dir.resolve("notes.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write(1);
            out.closeEntry();
        }
        assertThatThrownBy(() -> FrameSources.open(zip)).isInstanceOf(VideoFormatException.class).hasMessageContaining("notes.zip");
        Path bad = Files.writeString(dir.resolve("bad.zip"), "not a zip at all");
        assertThatThrownBy(() -> FrameSources.open(bad)).isInstanceOf(VideoFormatException.class).hasMessageContaining("bad.zip");
    }

    @Test
    void decodingAheadGivesTheSameFramesInOrderAndStopsItsThreadOnClose() throws Exception {
        for (int k = 0; k < 12; k++) ImageIO.write(greyImage16(k), "png", dir.resolve("f" + k + ".png").toFile());

        try (FrameSource ahead = FrameSources.decodingAhead(FrameSources.open(dir), 2)) {
            assertThat(ahead.frameCount()).hasValue(12);
            assertThat(ahead.description()).isEqualTo("12 PNG frames, 7 × 5, 16-bit grey");
            for (int k = 0; k < 12; k++) {
                Frame f = ahead.next();
                assertThat(f.index()).isEqualTo(k);
                assertPixels(f, k, true);
            }
            assertThat(ahead.next()).isNull();
            assertThat(ahead.next()).isNull();
        }

        FrameSource stopped = FrameSources.decodingAhead(FrameSources.open(dir), 1);
        assertPixels(stopped.next(), 0, true);
        stopped.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("frame-decoder") && t.isAlive());
    }

    @Test
    void decodingAheadRaisesAFramesErrorWhenTheCallerReachesIt() throws Exception {
        for (int k = 0; k < 4; k++) ImageIO.write(greyImage8(k), "png", dir.resolve("f" + k + ".png").toFile());
        Files.writeString(dir.resolve("f2.png"), "broken");

        try (FrameSource ahead = FrameSources.decodingAhead(FrameSources.open(dir), 3)) {
            assertPixels(ahead.next(), 0, false);
            assertPixels(ahead.next(), 1, false);
            assertThatThrownBy(ahead::next).isInstanceOf(VideoFormatException.class).hasMessageContaining("f2.png");
            assertThat(ahead.next()).isNull();
        }
    }
}

package org.exotrace.nta.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AVI files built here chunk by chunk, as recorders write them (RIFF header list, a movi list with
 * padding and an audio chunk between the frames, an idx1 index), must read back frame by frame:
 * uncompressed 8-bit palette and 24-bit BGR frames exactly, Motion-JPEG frames as their luma (equal
 * to the JDK's own decoding of the same bytes, and within JPEG's loss of the values written), with
 * or without Huffman tables in the frames.
 */
class FrameSourcesAviTest {

    private static final int W = 6;
    private static final int H = 4;

    @TempDir
    Path dir;

    /** Writes a one-stream AVI: the frames' bytes as given, with a JUNK and an audio chunk among them. */
    static void writeAvi(Path file, int w, int h, String compression, int bits, byte[] palette, List<byte[]> frames) throws IOException {
        writeAvi(file, w, h, compression, bits, palette, frames, null);
    }

    /**
     * As above; with {@code extension}, an OpenDML file: the further frames in a second RIFF 'AVIX'
     * segment and the total count in the 'dmlh' header.
     */
    static void writeAvi(Path file, int w, int h, String compression, int bits, byte[] palette, List<byte[]> frames, List<byte[]> extension)
            throws IOException {
        boolean compressed = !compression.equals("BI_RGB");
        ByteArrayOutputStream movi = new ByteArrayOutputStream();
        ByteArrayOutputStream idx = new ByteArrayOutputStream();
        writeFourCc(movi, "movi");
        for (int i = 0; i < frames.size(); i++) {
            if (i == 1) {
                chunk(movi, "JUNK", new byte[3]);
                chunk(movi, "01wb", new byte[8]);
            }
            int offset = movi.size();
            String id = compressed ? "00dc" : "00db";
            chunk(movi, id, frames.get(i));
            writeFourCc(idx, id);
            idx.write(le(0x10, offset, frames.get(i).length));
        }
        int strfSize = 40 + (palette == null ? 0 : palette.length);
        ByteBuffer strf = ByteBuffer.allocate(strfSize).order(ByteOrder.LITTLE_ENDIAN);
        strf.putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) bits);
        strf.putInt(compressed ? fourCcInt(compression) : 0).putInt(0).putInt(0).putInt(0).putInt(palette == null ? 0 : palette.length / 4).putInt(0);
        if (palette != null) strf.put(palette);
        ByteBuffer strh = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        strh.put(ascii("vids")).put(ascii(compressed ? compression : "DIB ")).putInt(0).putShort((short) 0).putShort((short) 0)
                .putInt(0).putInt(1).putInt(24).putInt(0).putInt(frames.size()).putInt(0).putInt(-1).putInt(0);
        ByteBuffer avih = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        avih.putInt(41_667).putInt(0).putInt(0).putInt(0x10).putInt(frames.size()).putInt(0).putInt(1).putInt(0).putInt(w).putInt(h);
        ByteArrayOutputStream strl = new ByteArrayOutputStream();
        writeFourCc(strl, "strl");
        chunk(strl, "strh", strh.array());
        chunk(strl, "strf", strf.array());
        ByteArrayOutputStream hdrl = new ByteArrayOutputStream();
        writeFourCc(hdrl, "hdrl");
        chunk(hdrl, "avih", avih.array());
        chunk(hdrl, "LIST", strl.toByteArray());
        if (extension != null) {
            ByteArrayOutputStream odml = new ByteArrayOutputStream();
            writeFourCc(odml, "odml");
            chunk(odml, "dmlh", le(frames.size() + extension.size()));
            chunk(hdrl, "LIST", odml.toByteArray());
        }
        ByteArrayOutputStream avi = new ByteArrayOutputStream();
        writeFourCc(avi, "AVI ");
        chunk(avi, "LIST", hdrl.toByteArray());
        chunk(avi, "LIST", movi.toByteArray());
        chunk(avi, "idx1", idx.toByteArray());
        ByteArrayOutputStream riff = new ByteArrayOutputStream();
        chunk(riff, "RIFF", avi.toByteArray());
        if (extension != null) {
            ByteArrayOutputStream more = new ByteArrayOutputStream();
            writeFourCc(more, "movi");
            for (byte[] f : extension) chunk(more, compressed ? "00dc" : "00db", f);
            ByteArrayOutputStream avix = new ByteArrayOutputStream();
            writeFourCc(avix, "AVIX");
            chunk(avix, "LIST", more.toByteArray());
            chunk(riff, "RIFF", avix.toByteArray());
        }
        Files.write(file, riff.toByteArray());
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] body) throws IOException {
        writeFourCc(out, id);
        out.write(le(body.length));
        out.write(body);
        if (body.length % 2 == 1) out.write(0);
    }

    private static void writeFourCc(ByteArrayOutputStream out, String id) throws IOException {
        out.write(ascii(id));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int fourCcInt(String s) {
        return ByteBuffer.wrap(ascii(s)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] le(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) b.putInt(v);
        return b.array();
    }

    private static int value(int x, int y, int k) {
        return FrameSourcesTest.grey8(x, y, k);
    }

    /** An 8-bit DIB, bottom-up, rows padded to 4 bytes. */
    private static byte[] dib8(int k) {
        int stride = (W + 3) / 4 * 4;
        byte[] b = new byte[stride * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) b[(H - 1 - y) * stride + x] = (byte) value(x, y, k);
        }
        return b;
    }

    private static byte[] greyPalette() {
        byte[] p = new byte[1024];
        for (int i = 0; i < 256; i++) {
            p[4 * i] = (byte) i;
            p[4 * i + 1] = (byte) i;
            p[4 * i + 2] = (byte) i;
        }
        return p;
    }

    @Test
    void readsUncompressed8BitGreyFramesExactlyInOrder() throws Exception {
        Path file = dir.resolve("grey.avi");
        writeAvi(file, W, H, "BI_RGB", 8, greyPalette(), List.of(dib8(0), dib8(1), dib8(2)));

        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.frameCount()).hasValue(3);
            assertThat(source.width()).isEqualTo(W);
            assertThat(source.height()).isEqualTo(H);
            assertThat(source.description()).isEqualTo("AVI grey.avi (uncompressed 8-bit): 3 frames, 6 × 4, 8-bit grey");
            for (int k = 0; k < 3; k++) {
                Frame f = source.next();
                assertThat(f.index()).isEqualTo(k);
                assertThat(f.bitDepth()).isEqualTo(8);
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) assertThat(f.pixels()[y * W + x]).as("frame %d (%d, %d)", k, x, y).isEqualTo((float) value(x, y, k));
                }
            }
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void reads24BitBgrFramesAsLuminance() throws Exception {
        int stride = (W * 3 + 3) / 4 * 4;
        List<byte[]> frames = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            byte[] b = new byte[stride * H];
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = (H - 1 - y) * stride + 3 * x;
                    b[i] = (byte) value(x, y, k + 2);
                    b[i + 1] = (byte) value(x, y, k + 1);
                    b[i + 2] = (byte) value(x, y, k);
                }
            }
            frames.add(b);
        }
        Path file = dir.resolve("colour.avi");
        writeAvi(file, W, H, "BI_RGB", 24, null, frames);

        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.description()).isEqualTo("AVI colour.avi (uncompressed 24-bit): 2 frames, 6 × 4, 8-bit colour read as grey");
            for (int k = 0; k < 2; k++) {
                Frame f = source.next();
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        double expected = 0.299 * value(x, y, k) + 0.587 * value(x, y, k + 1) + 0.114 * value(x, y, k + 2);
                        assertThat((double) f.pixels()[y * W + x]).isCloseTo(expected, Offset.offset(1e-4));
                    }
                }
            }
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void readsAnOpenDmlAviAcrossItsExtensionSegment() throws Exception {
        Path file = dir.resolve("long.avi");
        writeAvi(file, W, H, "BI_RGB", 8, greyPalette(), List.of(dib8(0), dib8(1)), List.of(dib8(2), dib8(3), dib8(4)));

        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.frameCount()).as("the OpenDML total, not the first segment's").hasValue(5);
            for (int k = 0; k < 5; k++) {
                Frame f = source.next();
                assertThat(f.index()).isEqualTo(k);
                assertThat(f.pixels()[W + 3]).isEqualTo((float) value(3, 1, k));
            }
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void readsTopDownGreyAnd16BitGreyFrames() throws Exception {
        byte[] grey8 = new byte[W * H];
        byte[] grey16 = new byte[2 * W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                grey8[y * W + x] = (byte) value(x, y, 5);
                int v = FrameSourcesTest.grey16(x, y, 5);
                grey16[2 * (y * W + x)] = (byte) v;
                grey16[2 * (y * W + x) + 1] = (byte) (v >> 8);
            }
        }
        Path y800 = dir.resolve("y800.avi");
        writeAvi(y800, W, H, "Y800", 8, null, List.of(grey8));
        Path y16 = dir.resolve("y16.avi");
        writeAvi(y16, W, H, "Y16 ", 16, null, List.of(grey16));

        try (FrameSource a = FrameSources.open(y800); FrameSource b = FrameSources.open(y16)) {
            assertThat(b.description()).isEqualTo("AVI y16.avi (uncompressed 16-bit grey): 1 frame, 6 × 4, 16-bit grey");
            Frame f8 = a.next();
            Frame f16 = b.next();
            assertThat(f16.bitDepth()).isEqualTo(16);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertThat(f8.pixels()[y * W + x]).isEqualTo((float) value(x, y, 5));
                    assertThat(f16.pixels()[y * W + x]).isEqualTo((float) FrameSourcesTest.grey16(x, y, 5));
                }
            }
        }
    }

    @Test
    void aZeroLengthFrameRepeatsThePreviousOne() throws Exception {
        Path file = dir.resolve("dropped.avi");
        writeAvi(file, W, H, "BI_RGB", 8, greyPalette(), List.of(dib8(0), new byte[0], dib8(2)));

        try (FrameSource source = FrameSources.open(file)) {
            float[] first = source.next().pixels().clone();
            Frame repeated = source.next();
            assertThat(repeated.index()).isEqualTo(1);
            assertThat(repeated.pixels()).containsExactly(first);
            assertThat(source.next().index()).isEqualTo(2);
            assertThat(source.next()).isNull();
        }
    }

    /** A smooth image (JPEG keeps it within a few levels), grey or colour. */
    private static BufferedImage smooth(int k, boolean colour) {
        int w = 32;
        int h = 16;
        BufferedImage img = new BufferedImage(w, h, colour ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 40 + 4 * x + 2 * k;
                int g = 60 + 6 * y + k;
                int b = 200 - 3 * x;
                if (colour) img.setRGB(x, y, r << 16 | g << 8 | b);
                else img.getRaster().setSample(x, y, 0, r);
            }
        }
        return img;
    }

    private static byte[] jpeg(BufferedImage img) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JPEG without its DHT segments, as AVI1 Motion-JPEG frames are stored. */
    private static byte[] withoutHuffmanTables(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int p = 2;
        while (p < jpeg.length) {
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == 0xDA) {
                out.write(jpeg, p, jpeg.length - p);
                break;
            }
            int length = (jpeg[p + 2] & 0xFF) << 8 | jpeg[p + 3] & 0xFF;
            if (marker != 0xC4) out.write(jpeg, p, length + 2);
            p += length + 2;
        }
        byte[] stripped = out.toByteArray();
        assertThat(stripped.length).as("DHT segments removed").isLessThan(jpeg.length);
        return stripped;
    }

    @Test
    void readsMotionJpegAsTheLumaOfEachFrame() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) frames.add(jpeg(smooth(k, true)));
        Path file = dir.resolve("mjpeg.avi");
        writeAvi(file, 32, 16, "MJPG", 24, null, frames);

        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.frameCount()).hasValue(3);
            assertThat(source.description()).isEqualTo("AVI mjpeg.avi (Motion-JPEG): 3 frames, 32 × 16, 8-bit colour read as grey");
            for (int k = 0; k < 3; k++) {
                Frame f = source.next();
                assertThat(f.index()).isEqualTo(k);
                BufferedImage written = smooth(k, true);
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 32; x++) {
                        int rgb = written.getRGB(x, y);
                        double luma = 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
                        assertThat((double) f.pixels()[y * 32 + x]).as("frame %d (%d, %d)", k, x, y).isCloseTo(luma, Offset.offset(3.0));
                    }
                }
            }
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void readsGreyMotionJpegExactlyAsTheJdkDecodesItWithOrWithoutHuffmanTables() throws Exception {
        byte[] full = jpeg(smooth(0, false));
        BufferedImage reference = ImageIO.read(new java.io.ByteArrayInputStream(full));
        Path file = dir.resolve("avi1.avi");
        writeAvi(file, 32, 16, "MJPG", 8, null, List.of(withoutHuffmanTables(full), full));

        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.description()).endsWith("8-bit grey");
            for (int k = 0; k < 2; k++) {
                Frame f = source.next();
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 32; x++) {
                        assertThat(f.pixels()[y * 32 + x]).as("frame %d (%d, %d)", k, x, y).isEqualTo((float) reference.getRaster().getSample(x, y, 0));
                        assertThat((double) f.pixels()[y * 32 + x]).isCloseTo(40 + 4 * x, Offset.offset(3.0));
                    }
                }
            }
        }
    }

    @Test
    void refusesATruncatedAviNamingItAndTheFrame() throws Exception {
        Path whole = dir.resolve("whole.avi");
        writeAvi(whole, W, H, "BI_RGB", 8, greyPalette(), List.of(dib8(0), dib8(1), dib8(2)));
        byte[] bytes = Files.readAllBytes(whole);
        int thirdFrame = indexOf(bytes, "00db", 3);
        Path cut = Files.write(dir.resolve("cut.avi"), Arrays.copyOf(bytes, thirdFrame + 12));

        try (FrameSource source = FrameSources.open(cut)) {
            source.next();
            source.next();
            assertThatThrownBy(source::next)
                    .isInstanceOf(VideoFormatException.class)
                    .hasMessageContaining("cut.avi")
                    .hasMessageContaining("frame 3")
                    .hasMessageContaining("truncated");
        }
    }

    private static int indexOf(byte[] bytes, String id, int occurrence) {
        byte[] pattern = ascii(id);
        int seen = 0;
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 4, pattern, 0, 4) && ++seen == occurrence) return i;
        }
        throw new AssertionError(id + " #" + occurrence + " not found");
    }

    @Test
    void refusesAnUnsupportedCodecSayingWhatToDo() throws Exception {
        Path file = dir.resolve("h264.avi");
        writeAvi(file, W, H, "H264", 24, null, List.of(new byte[10]));
        assertThatThrownBy(() -> FrameSources.open(file))
                .isInstanceOf(VideoFormatException.class)
                .hasMessageContaining("h264.avi")
                .hasMessageContaining("H264")
                .hasMessageContaining("Motion-JPEG");
    }

    @Test
    void refusesAFileThatIsNoAvi() throws Exception {
        Path file = Files.writeString(dir.resolve("fake.avi"), "RIFFxxxxWAVEfmt ");
        assertThatThrownBy(() -> FrameSources.open(file))
                .isInstanceOf(VideoFormatException.class)
                .hasMessageContaining("fake.avi")
                .hasMessageContaining("not an AVI");
    }
}

package org.exotrace.photograph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Metadata goes, pixels stay: JPEG and PNG files built here with a camera model, GPS position,
 * comments and text chunks come out without any of them and decode to exactly the same pixels.
 */
class ImageMetadataUnitTest {

    private static final String MODEL = "SecretCam X100 serial 4471";
    private static final String COMMENT = "Taken by Dr Jane Roe at home";
    private static final String XMP = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc:creator>Jane Roe</dc:creator></x:xmpmeta>";

    @Test
    void stripsExifWithGpsAndCameraModelXmpAndCommentsFromAJpegWithoutTouchingItsPixels() throws IOException {
        byte[] plain = jpeg(image(), false);
        byte[] icc = app(0xE2, concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1},
                ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        byte[] tagged = insertAfterApp0(plain, concat(exifApp1(6), app(0xE1, ("http://ns.adobe.com/xap/1.0/\0" + XMP).getBytes(StandardCharsets.UTF_8)),
                app(0xED, "Photoshop 3.0\0 8BIM caption".getBytes(StandardCharsets.ISO_8859_1)), icc,
                app(0xFE, COMMENT.getBytes(StandardCharsets.ISO_8859_1))));
        assertThat(contains(tagged, MODEL)).isTrue();

        ImageMetadata.Stripped stripped = ImageMetadata.strip(tagged);

        assertThat(stripped.format()).isEqualTo(ImageMetadata.Format.JPEG);
        assertThat(stripped.orientation()).isEqualTo(6);
        byte[] out = stripped.content();
        assertThat(contains(out, MODEL)).as("camera model").isFalse();
        assertThat(contains(out, "Exif\0\0")).as("EXIF header").isFalse();
        assertThat(contains(out, "Jane Roe")).as("XMP creator and comment").isFalse();
        assertThat(contains(out, "Photoshop 3.0")).as("IPTC").isFalse();
        assertThat(contains(out, "ICC_PROFILE")).as("colour profile kept").isTrue();
        assertThat(contains(out, "JFIF")).as("JFIF header kept").isTrue();
        assertThat(out.length).isLessThan(tagged.length);
        assertThat(pixels(out)).isEqualTo(pixels(tagged));
    }

    @Test
    void keepsEveryScanOfAProgressiveJpeg() throws IOException {
        byte[] tagged = insertAfterApp0(jpeg(image(), true), exifApp1(1));

        byte[] out = ImageMetadata.strip(tagged).content();

        assertThat(contains(out, MODEL)).isFalse();
        assertThat(count(out, new byte[] {(byte) 0xFF, (byte) 0xDA})).isGreaterThan(1);
        assertThat(pixels(out)).isEqualTo(pixels(tagged));
    }

    @Test
    void dropsTheTrailerAfterTheEndOfImageMarker() throws IOException {
        byte[] tagged = concat(jpeg(image(), false), "appended: Jane Roe".getBytes(StandardCharsets.ISO_8859_1));

        byte[] out = ImageMetadata.strip(tagged).content();

        assertThat(contains(out, "Jane Roe")).isFalse();
        assertThat(out[out.length - 1] & 0xFF).isEqualTo(0xD9);
    }

    @Test
    void stripsTextTimeAndExifChunksFromAPng() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image(), "png", png);
        byte[] plain = png.toByteArray();
        byte[] exif = Arrays.copyOfRange(exifApp1(3), 10, exifApp1(3).length);
        byte[] chunks = concat(chunk("tEXt", "Author\0Jane Roe"), chunk("zTXt", "Comment\0\0xx"), chunk("iTXt", "Model\0\0\0\0\0" + MODEL),
                chunk("tIME", "\u0007\u00ea\u0001\u0002\u0003\u0004\u0005"), chunk("eXIf", exif));
        byte[] tagged = concat(Arrays.copyOfRange(plain, 0, 33), chunks, Arrays.copyOfRange(plain, 33, plain.length));

        ImageMetadata.Stripped stripped = ImageMetadata.strip(tagged);

        assertThat(stripped.format()).isEqualTo(ImageMetadata.Format.PNG);
        assertThat(stripped.orientation()).isEqualTo(3);
        assertThat(stripped.content()).isEqualTo(plain);
        assertThat(pixels(stripped.content())).isEqualTo(pixels(tagged));
    }

    @Test
    void recognisesFilesByTheirFirstBytesNotTheirName() {
        assertThat(ImageMetadata.sniff("%PDF-1.7 not an image".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(ImageMetadata.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
        assertThatThrownBy(() -> ImageMetadata.strip("GIF89a".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(ImageMetadata.MalformedImage.class).hasMessageContaining("neither a JPEG nor a PNG");
    }

    @Test
    void refusesATruncatedJpeg() throws IOException {
        byte[] whole = jpeg(image(), false);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> ImageMetadata.strip(truncated)).isInstanceOf(ImageMetadata.MalformedImage.class)
                .hasMessageContaining("damaged JPEG");
    }

    /** A 64 x 48 picture with a gradient and a few shapes, so that every scan carries real data. */
    static BufferedImage image() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(230, 190, 170), 64, 48, new Color(120, 70, 60)));
        g.fillRect(0, 0, 64, 48);
        g.setColor(new Color(180, 40, 50));
        g.fillOval(20, 14, 18, 12);
        g.dispose();
        return img;
    }

    static byte[] jpeg(BufferedImage img, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * An APP1 EXIF segment (big-endian TIFF) as cameras write it: IFD0 with the camera model, the
     * orientation and a pointer to a GPS IFD holding latitude N 48° 51' 30".
     */
    static byte[] exifApp1(int orientation) {
        ByteBuffer t = ByteBuffer.allocate(200);
        t.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
        byte[] model = (MODEL + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int ifd0 = 8, ifd0Size = 2 + 3 * 12 + 4, modelAt = ifd0 + ifd0Size, gpsAt = modelAt + model.length;
        t.putShort((short) 3);
        t.putShort((short) 0x0110).putShort((short) 2).putInt(model.length).putInt(modelAt);
        t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        t.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsAt);
        t.putInt(0);
        t.put(model);
        int rationalsAt = gpsAt + 2 + 2 * 12 + 4;
        t.putShort((short) 2);
        t.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        t.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(rationalsAt);
        t.putInt(0);
        t.putInt(48).putInt(1).putInt(51).putInt(1).putInt(30).putInt(1);
        byte[] tiff = Arrays.copyOf(t.array(), t.position());
        return app(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff));
    }

    static byte[] app(int marker, byte[] data) {
        int length = data.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, data);
    }

    /** The JPEG with extra segments right after its APP0 JFIF segment. */
    static byte[] insertAfterApp0(byte[] jpeg, byte[] segments) {
        int app0End = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        return concat(Arrays.copyOfRange(jpeg, 0, app0End), segments, Arrays.copyOfRange(jpeg, app0End, jpeg.length));
    }

    private static byte[] chunk(String type, String data) {
        return chunk(type, data.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.ISO_8859_1), data);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeAndData, ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static int[] pixels(byte[] file) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(file));
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static boolean contains(byte[] haystack, String needle) {
        return count(haystack, needle.getBytes(StandardCharsets.ISO_8859_1)) > 0;
    }

    private static int count(byte[] haystack, byte[] needle) {
        int found = 0;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) found++;
        }
        return found;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}

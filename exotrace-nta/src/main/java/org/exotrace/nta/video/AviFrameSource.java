package org.exotrace.nta.video;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageReadParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An AVI file's first video stream, frame by frame. Read:
 * <ul>
 *   <li>uncompressed DIB frames ({@code BI_RGB}, also tagged {@code DIB } or {@code RAW }): 8-bit
 *       through their palette (a grey ramp reads as the stored value), 24-bit BGR and 32-bit BGRX,
 *       bottom-up or top-down rows padded to 4 bytes; 8-bit grey {@code Y800}/{@code Y8  }/{@code GREY}
 *       and 16-bit little-endian grey {@code Y16 }, top-down;</li>
 *   <li>Motion JPEG ({@code MJPG}, {@code JPEG}): each frame decoded by the JDK's JPEG reader as a
 *       raw raster, without colour conversion, and its first component taken: for the usual YCbCr
 *       (JFIF) frames that is the luma Y = 0.299 R + 0.587 G + 0.114 B, the same grey as for colour
 *       images elsewhere, and for grey JPEG the grey itself. Frames that omit their Huffman tables
 *       (the AVI1 convention) are decoded with the standard tables of ITU-T T.81 Annex K.</li>
 * </ul>
 * Colour becomes grey by 0.299 R + 0.587 G + 0.114 B; a zero-length frame chunk (a dropped frame
 * that the recorder marked as a repeat) repeats the previous frame.
 *
 * <p>Container: the RIFF chunks are walked here, sequentially, because the library we looked at
 * (JCodec 0.2.5's {@code AVIReader}) only parses headers for diagnostics and exposes neither the
 * stream format nor the frame data. The walk is minimal: the {@code hdrl} list for the frame size,
 * format and count ({@code avih}, {@code strh}, {@code strf}, OpenDML {@code dmlh}), then every
 * {@code ##db}/{@code ##dc} chunk of the video stream in file order, through {@code movi} and
 * {@code rec } lists and OpenDML {@code AVIX} extensions; indexes ({@code idx1}, {@code ix##}),
 * audio and padding are skipped, so memory stays one frame's bytes.
 */
final class AviFrameSource implements FrameSource {

    private static final int MAX_HEADER_BYTES = 1 << 20;

    private enum Coding { DIB_PALETTE, DIB_BGR, GREY8, GREY16, MJPEG }

    private final String name;
    private final FileChannel channel;
    private final long fileSize;
    private final Coding coding;
    private final int count;
    private final String videoChunk;
    private final int bitsPerPixel;
    private final boolean bottomUp;
    private final float[] paletteGrey;
    private final Frame frame;
    private final ByteBuffer chunkHeader = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] data = new byte[0];
    private ImageReader jpeg;
    private JPEGImageReadParam jpegParam;
    private boolean colour;
    private long position;
    private int next;
    private boolean firstReady;

    private AviFrameSource(String name, FileChannel channel, Header h, long moviStart) throws IOException {
        this.name = name;
        this.channel = channel;
        this.fileSize = channel.size();
        this.coding = h.coding;
        this.count = h.frames;
        this.videoChunk = String.format("%02d", h.stream);
        this.bitsPerPixel = h.bits;
        this.bottomUp = h.bottomUp;
        this.paletteGrey = h.palette;
        this.colour = h.colour;
        this.frame = new Frame(h.width, h.height, coding == Coding.GREY16 ? 16 : 8);
        this.position = moviStart;
    }

    /** Reads the headers and decodes the first frame, so that its format is checked at once. */
    static AviFrameSource open(Path file) throws IOException, VideoFormatException {
        String name = String.valueOf(file.getFileName());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer riff = readAt(channel, 0, 12, name);
            if (fourCc(riff, 0).equals("RIFF") && fourCc(riff, 8).equals("AVI ")) {
                AviFrameSource source = headers(name, channel);
                source.firstReady = source.advance();
                if (!source.firstReady) throw new VideoFormatException(name + " holds no video frames");
                return source;
            }
            throw new VideoFormatException(name + " is not an AVI file (no RIFF AVI header); give an .avi, or rename the file to its real type");
        } catch (IOException | VideoFormatException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Finds the header list and the first movi list among the top-level chunks. */
    private static AviFrameSource headers(String name, FileChannel channel) throws IOException, VideoFormatException {
        long end = channel.size();
        long pos = 12;
        Header header = null;
        while (pos + 12 <= end) {
            ByteBuffer c = readAt(channel, pos, 12, name);
            String id = fourCc(c, 0);
            long size = Integer.toUnsignedLong(c.getInt(4));
            if (id.equals("LIST") && fourCc(c, 8).equals("hdrl")) {
                if (size > MAX_HEADER_BYTES) throw new VideoFormatException(name + ": its AVI header list is " + size + " bytes, too large to be a header");
                header = Header.parse(readAt(channel, pos + 12, (int) size - 4, name), name);
            } else if (id.equals("LIST") && fourCc(c, 8).equals("movi")) {
                if (header == null) throw new VideoFormatException(name + " has its frames before its header (no hdrl list first); the AVI is damaged");
                return new AviFrameSource(name, channel, header, pos + 12);
            }
            pos += 8 + size + (size & 1);
        }
        throw new VideoFormatException(name + " has no " + (header == null ? "AVI header (hdrl)" : "frame list (movi)") + "; the AVI is damaged or truncated");
    }

    /** The stream format, from the hdrl list. */
    private static final class Header {
        int width;
        int height;
        int frames;
        int stream = -1;
        int bits;
        boolean bottomUp;
        boolean colour;
        float[] palette;
        Coding coding;

        static Header parse(ByteBuffer hdrl, String name) throws VideoFormatException {
            Header h = new Header();
            int totalFrames = 0;
            int streamFrames = 0;
            int odmlFrames = 0;
            int streamIndex = -1;
            boolean video = false;
            int pos = 0;
            while (pos + 8 <= hdrl.limit()) {
                String id = fourCc(hdrl, pos);
                int size = hdrl.getInt(pos + 4);
                if (size < 0 || pos + 8 + (long) size > hdrl.limit()) break;
                int body = pos + 8;
                if (id.equals("LIST")) {
                    String type = fourCc(hdrl, body);
                    if (type.equals("strl")) streamIndex++;
                    pos = body + 4;
                    continue;
                }
                if (id.equals("avih") && size >= 40) {
                    totalFrames = hdrl.getInt(body + 16);
                } else if (id.equals("strh") && size >= 36) {
                    video = h.stream < 0 && fourCc(hdrl, body).equals("vids");
                    if (video) {
                        h.stream = streamIndex;
                        streamFrames = hdrl.getInt(body + 32);
                    }
                } else if (id.equals("strf") && video) {
                    h.format(hdrl, body, size, name);
                    video = false;
                } else if (id.equals("dmlh") && size >= 4) {
                    odmlFrames = hdrl.getInt(body);
                }
                pos = body + size + (size & 1);
            }
            if (h.stream < 0 || h.coding == null) throw new VideoFormatException(name + " has no video stream");
            h.frames = odmlFrames > 0 ? odmlFrames : streamFrames > 0 ? streamFrames : totalFrames;
            return h;
        }

        /** Reads a BITMAPINFOHEADER (and its palette). */
        void format(ByteBuffer b, int at, int size, String name) throws VideoFormatException {
            if (size < 40) throw new VideoFormatException(name + ": its video format header is " + size + " bytes, shorter than a BITMAPINFOHEADER");
            int headerSize = b.getInt(at);
            width = b.getInt(at + 4);
            int signedHeight = b.getInt(at + 8);
            height = Math.abs(signedHeight);
            bits = b.getShort(at + 14);
            int compression = b.getInt(at + 16);
            int colours = b.getInt(at + 32);
            String fourCc = compression == 0 ? "BI_RGB" : fourCc(b, at + 16);
            bottomUp = signedHeight > 0;
            if (width < 1 || height < 1) throw new VideoFormatException(name + ": frame size " + width + " × " + height + " in its header");
            String upper = fourCc.toUpperCase(Locale.ROOT);
            if (upper.equals("MJPG") || upper.equals("JPEG")) {
                coding = Coding.MJPEG;
                colour = true;
            } else if (upper.equals("Y800") || upper.equals("Y8  ") || upper.equals("GREY")) {
                coding = Coding.GREY8;
                bits = 8;
                bottomUp = false;
            } else if (upper.equals("Y16 ")) {
                coding = Coding.GREY16;
                bits = 16;
                bottomUp = false;
            } else if ((upper.equals("BI_RGB") || upper.equals("DIB ") || upper.equals("RAW ")) && (bits == 24 || bits == 32)) {
                coding = Coding.DIB_BGR;
                colour = true;
            } else if ((upper.equals("BI_RGB") || upper.equals("DIB ") || upper.equals("RAW ")) && bits == 8) {
                coding = Coding.DIB_PALETTE;
                int entries = colours > 0 ? Math.min(colours, 256) : 256;
                palette = new float[256];
                boolean grey = true;
                for (int i = 0; i < 256; i++) {
                    int p = at + headerSize + 4 * i;
                    if (i >= entries || p + 3 > at + size) {
                        palette[i] = i;
                        continue;
                    }
                    int blue = b.get(p) & 0xFF;
                    int green = b.get(p + 1) & 0xFF;
                    int red = b.get(p + 2) & 0xFF;
                    grey &= red == green && green == blue;
                    palette[i] = (float) GreyConverter.luminance(red, green, blue);
                }
                colour = !grey;
            } else {
                throw new VideoFormatException(name + " stores its frames as " + fourCc.trim() + " at " + bits + " bits per pixel, which is not read here: "
                        + "export the video as uncompressed (8-bit grey or 24-bit) or Motion-JPEG AVI, or as a folder of PNG/TIFF frames");
            }
        }
    }

    @Override
    public Frame next() throws IOException, VideoFormatException {
        if (firstReady) {
            firstReady = false;
            return frame;
        }
        if (!advance()) return null;
        return frame;
    }

    /** Finds the next video chunk, decodes it into the frame and numbers it; false at the end of the file. */
    private boolean advance() throws IOException, VideoFormatException {
        while (position + 8 <= fileSize) {
            chunkHeader.clear().limit(12);
            int got = readFully(chunkHeader, position, (int) Math.min(12, fileSize - position));
            String id = fourCc(chunkHeader, 0);
            long size = Integer.toUnsignedLong(chunkHeader.getInt(4));
            boolean list = (id.equals("RIFF") || id.equals("LIST")) && got >= 12;
            String type = list ? fourCc(chunkHeader, 8) : "";
            if (list && (type.equals("AVIX") || type.equals("movi") || type.equals("rec "))) {
                position += 12;
                continue;
            }
            long body = position + 8;
            position = body + size + (size & 1);
            if (id.startsWith(videoChunk) && (id.endsWith("db") || id.endsWith("dc"))) {
                if (body + size > fileSize) {
                    throw new VideoFormatException(name + ": frame " + (next + 1) + " is cut off (the file ends inside it); the AVI is truncated");
                }
                if (size > 0) decode(body, (int) size);
                else if (next == 0) continue;
                frame.setIndex(next++);
                return true;
            }
        }
        return false;
    }

    private void decode(long at, int size) throws IOException, VideoFormatException {
        if (data.length < size) data = new byte[size];
        readFully(ByteBuffer.wrap(data, 0, size), at, size);
        switch (coding) {
            case MJPEG -> decodeJpeg(size);
            case GREY16 -> decodeGrey16(size);
            default -> decodeDib(size);
        }
    }

    private void decodeDib(int size) throws VideoFormatException {
        int w = frame.width();
        int h = frame.height();
        int bytesPerPixel = bitsPerPixel / 8;
        int stride = coding == Coding.GREY8 ? w : (w * bitsPerPixel + 31) / 32 * 4;
        checkSize(size, (long) stride * h);
        float[] px = frame.pixels();
        for (int y = 0; y < h; y++) {
            int row = (bottomUp ? h - 1 - y : y) * stride;
            int o = y * w;
            if (coding == Coding.DIB_BGR) {
                for (int x = 0, i = row; x < w; x++, i += bytesPerPixel) {
                    px[o + x] = (float) GreyConverter.luminance(data[i + 2] & 0xFF, data[i + 1] & 0xFF, data[i] & 0xFF);
                }
            } else if (coding == Coding.DIB_PALETTE) {
                for (int x = 0; x < w; x++) px[o + x] = paletteGrey[data[row + x] & 0xFF];
            } else {
                for (int x = 0; x < w; x++) px[o + x] = data[row + x] & 0xFF;
            }
        }
    }

    private void decodeGrey16(int size) throws VideoFormatException {
        int w = frame.width();
        int h = frame.height();
        checkSize(size, 2L * w * h);
        float[] px = frame.pixels();
        for (int i = 0, n = w * h; i < n; i++) px[i] = (data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8;
    }

    private void checkSize(int size, long needed) throws VideoFormatException {
        if (size < needed) {
            throw new VideoFormatException(name + ": frame " + (next + 1) + " has " + size + " bytes where " + frame.width() + " × " + frame.height()
                    + " pixels at " + bitsPerPixel + " bits need " + needed + "; the AVI is damaged");
        }
    }

    private void decodeJpeg(int size) throws IOException, VideoFormatException {
        if (jpeg == null) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) throw new VideoFormatException("no JPEG decoder is available in this Java runtime to read " + name);
            jpeg = readers.next();
            jpegParam = new JPEGImageReadParam();
            jpegParam.setDecodeTables(new JPEGQTable[] {JPEGQTable.K1Luminance, JPEGQTable.K2Chrominance},
                    new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance},
                    new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance});
        }
        Raster raster;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data, 0, size))) {
            jpeg.setInput(in, true, true);
            raster = jpeg.readRaster(0, jpegParam);
        } catch (IOException | RuntimeException e) {
            throw new VideoFormatException(name + ": frame " + (next + 1) + " is not a decodable JPEG (" + e.getMessage() + "); the AVI is damaged", e);
        }
        if (raster.getWidth() != frame.width() || raster.getHeight() != frame.height()) {
            throw new VideoFormatException(name + ": frame " + (next + 1) + " is " + raster.getWidth() + " × " + raster.getHeight()
                    + " where the AVI header says " + frame.width() + " × " + frame.height());
        }
        if (next == 0) colour = raster.getNumBands() >= 3;
        raster.getSamples(raster.getMinX(), raster.getMinY(), frame.width(), frame.height(), 0, frame.pixels());
    }

    private int readFully(ByteBuffer into, long at, int n) throws IOException {
        into.limit(into.position() + n);
        long p = at;
        while (into.hasRemaining()) {
            int r = channel.read(into, p);
            if (r < 0) throw new EOFException(name + " ends before " + (at + n) + " bytes");
            p += r;
        }
        return n;
    }

    private static ByteBuffer readAt(FileChannel channel, long at, int n, String name) throws IOException, VideoFormatException {
        if (at + n > channel.size()) throw new VideoFormatException(name + " ends inside its AVI header; the file is truncated");
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        long p = at;
        while (b.hasRemaining()) {
            int r = channel.read(b, p);
            if (r < 0) throw new EOFException(name + " ends before " + (at + n) + " bytes");
            p += r;
        }
        return b.flip();
    }

    private static String fourCc(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) c[i] = (char) (b.get(at + i) & 0xFF);
        return new String(c);
    }

    @Override
    public OptionalInt frameCount() {
        return count > 0 ? OptionalInt.of(count) : OptionalInt.empty();
    }

    @Override
    public int width() {
        return frame.width();
    }

    @Override
    public int height() {
        return frame.height();
    }

    @Override
    public String description() {
        String what = switch (coding) {
            case MJPEG -> "Motion-JPEG";
            case GREY16 -> "uncompressed 16-bit grey";
            case GREY8 -> "uncompressed 8-bit grey";
            default -> "uncompressed " + bitsPerPixel + "-bit";
        };
        return "AVI " + name + " (" + what + "): " + (count > 0 ? count + (count == 1 ? " frame" : " frames") : "frame count unknown") + ", " + frame.width() + " × " + frame.height()
                + ", " + frame.bitDepth() + "-bit " + (colour ? "colour read as grey" : "grey");
    }

    @Override
    public void close() throws IOException {
        if (jpeg != null) jpeg.dispose();
        channel.close();
    }
}

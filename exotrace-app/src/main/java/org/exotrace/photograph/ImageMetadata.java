package org.exotrace.photograph;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes the metadata of a JPEG or PNG file losslessly: the compressed pixel data is copied byte
 * for byte, only the segments (JPEG) or chunks (PNG) that carry metadata are left out, and
 * anything after the end-of-image marker (multi-picture trailers, appended files) is dropped.
 *
 * <p>JPEG (ITU-T T.81, Annex B): kept are APP0 "JFIF", APP2 "ICC_PROFILE" (colour), the 12-byte
 * APP14 "Adobe" segment (its transform flag decides how the decoder converts colours; it holds
 * nothing else) and every non-APP segment; dropped are APP1 (EXIF with GPS and camera, XMP),
 * APP13 (IPTC, Photoshop), COM and every other APPn (thumbnails, maker data, MPF). Entropy-coded
 * data after each SOS is scanned to the next marker, so progressive files with several scans work.
 *
 * <p>PNG (ISO/IEC 15948): dropped are eXIf, tEXt, zTXt, iTXt and tIME; all other chunks are kept.
 *
 * <p>The EXIF orientation (1 to 8) is read before the EXIF goes, so that a phone's portrait photo
 * can still be shown upright.
 */
final class ImageMetadata {

    /** A file format this class reads, recognised by its first bytes (never the file name). */
    enum Format {
        JPEG("image/jpeg"), PNG("image/png");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        String contentType() {
            return contentType;
        }
    }

    /** The file without its metadata, and the EXIF orientation it had (1 when none). */
    record Stripped(Format format, byte[] content, int orientation) {}

    /** The file is not well-formed; the message says where, for a person. */
    static final class MalformedImage extends IllegalArgumentException {
        MalformedImage(String message) {
            super(message);
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
    private static final int SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, APP0 = 0xE0, APP1 = 0xE1, APP2 = 0xE2, APP14 = 0xEE, APP15 = 0xEF;

    private ImageMetadata() {}

    /** JPEG or PNG by the file's magic bytes, or null when it is neither. */
    static Format sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == SOI && (b[2] & 0xFF) == 0xFF) return Format.JPEG;
        if (b.length >= 8 && Arrays.equals(b, 0, 8, PNG_SIGNATURE, 0, 8)) return Format.PNG;
        return null;
    }

    /**
     * The file without metadata.
     *
     * @throws MalformedImage when the file is neither JPEG nor PNG, or its structure is broken
     */
    static Stripped strip(byte[] content) {
        Format format = sniff(content);
        if (format == null) throw new MalformedImage("is neither a JPEG nor a PNG file");
        return format == Format.JPEG ? stripJpeg(content) : stripPng(content);
    }

    private static Stripped stripJpeg(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xFF);
        out.write(SOI);
        int orientation = 1;
        int i = 2;
        int n = b.length;
        while (true) {
            if (i >= n || (b[i] & 0xFF) != 0xFF) throw new MalformedImage("is a damaged JPEG: no marker at byte " + i);
            while (i < n && (b[i] & 0xFF) == 0xFF) i++;
            if (i >= n) throw new MalformedImage("is a damaged JPEG: it ends before its end-of-image marker");
            int marker = b[i++] & 0xFF;
            if (marker == EOI) {
                out.write(0xFF);
                out.write(EOI);
                return new Stripped(Format.JPEG, out.toByteArray(), orientation);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(0xFF);
                out.write(marker);
                continue;
            }
            if (marker == SOI || marker == 0x00) throw new MalformedImage("is a damaged JPEG: unexpected marker at byte " + (i - 1));
            if (i + 2 > n) throw new MalformedImage("is a damaged JPEG: it ends inside a segment header");
            int length = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            if (length < 2 || i + length > n) throw new MalformedImage("is a damaged JPEG: a segment runs past the end of the file");
            int data = i + 2;
            int dataLength = length - 2;
            if (keepJpegSegment(marker, b, data, dataLength)) {
                out.write(0xFF);
                out.write(marker);
                out.write(b, i, length);
            } else if (marker == APP1 && startsWith(b, data, dataLength, "Exif\0\0")) {
                orientation = tiffOrientation(b, data + 6, dataLength - 6);
            }
            i += length;
            if (marker == SOS) {
                int start = i;
                while (true) {
                    if (i + 1 >= n) throw new MalformedImage("is a damaged JPEG: it ends inside the image data");
                    if ((b[i] & 0xFF) == 0xFF) {
                        int next = b[i + 1] & 0xFF;
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7)) break;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                out.write(b, start, i - start);
            }
        }
    }

    private static boolean keepJpegSegment(int marker, byte[] b, int data, int length) {
        if (marker == 0xFE) return false;
        if (marker < APP0 || marker > APP15) return true;
        return switch (marker) {
            case APP0 -> startsWith(b, data, length, "JFIF\0");
            case APP2 -> startsWith(b, data, length, "ICC_PROFILE\0");
            case APP14 -> length == 12 && startsWith(b, data, length, "Adobe");
            default -> false;
        };
    }

    private static Stripped stripPng(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int orientation = 1;
        int i = 8;
        while (true) {
            if (i + 12 > b.length) throw new MalformedImage("is a damaged PNG: it ends before its IEND chunk");
            long length = ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (length > b.length - i - 12) throw new MalformedImage("is a damaged PNG: a chunk runs past the end of the file");
            String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            int chunk = 12 + (int) length;
            if (!PNG_METADATA.contains(type)) out.write(b, i, chunk);
            else if (type.equals("eXIf")) orientation = tiffOrientation(b, i + 8, (int) length);
            i += chunk;
            if (type.equals("IEND")) return new Stripped(Format.PNG, out.toByteArray(), orientation);
        }
    }

    /** Tag 0x0112 of IFD0 of a TIFF structure (EXIF), or 1 when it is missing or unreadable. */
    static int tiffOrientation(byte[] b, int start, int length) {
        if (length < 8) return 1;
        boolean little = b[start] == 'I' && b[start + 1] == 'I';
        if (!little && !(b[start] == 'M' && b[start + 1] == 'M')) return 1;
        long ifd = unsigned(b, start + 4, 4, little);
        if (ifd < 8 || ifd + 2 > length) return 1;
        int entries = (int) unsigned(b, start + (int) ifd, 2, little);
        for (int e = 0; e < entries; e++) {
            int entry = start + (int) ifd + 2 + 12 * e;
            if (entry + 12 > start + length) return 1;
            if (unsigned(b, entry, 2, little) == 0x0112 && unsigned(b, entry + 2, 2, little) == 3) {
                int value = (int) unsigned(b, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static long unsigned(byte[] b, int at, int bytes, boolean little) {
        long v = 0;
        for (int k = 0; k < bytes; k++) {
            int shift = little ? 8 * k : 8 * (bytes - 1 - k);
            v |= (long) (b[at + k] & 0xFF) << shift;
        }
        return v;
    }

    private static boolean startsWith(byte[] b, int at, int length, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return length >= p.length && Arrays.equals(b, at, at + p.length, p, 0, p.length);
    }
}

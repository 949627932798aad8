package org.exotrace.nta.video;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;

/**
 * Reduces a decoded image to grey levels in a {@link Frame}, keeping the channel's depth.
 *
 * <p>Grey images are copied as they are. Colour images become their luminance, the ITU-R BT.601
 * weighting Y = 0.299 R + 0.587 G + 0.114 B of the stored (gamma-encoded) channel values, so a
 * grey pixel stored as R = G = B = v reads as v and the scale stays 0..2^bits − 1. Palette images
 * take the luminance of each palette entry. Alpha is ignored.
 *
 * <p>One converter serves one source: it keeps a row buffer between frames, and reads the pixel
 * arrays directly for the usual interleaved 8- and 16-bit layouts (Raster sample calls otherwise).
 */
final class GreyConverter {

    static final double RED = 0.299;
    static final double GREEN = 0.587;
    static final double BLUE = 0.114;

    private int[] red = new int[0];
    private int[] green = new int[0];
    private int[] blue = new int[0];
    private final float[] palette = new float[256];

    /** What kind of image this is, or why it cannot be a frame. */
    record Kind(int bitDepth, boolean colour) {

        String text() {
            return bitDepth + "-bit " + (colour ? "colour read as grey" : "grey");
        }
    }

    /**
     * The bit depth and colour of an image, checked: 8 or 16 bits per channel, grey, RGB or a palette.
     *
     * @param what the file (and page) for the message
     */
    static Kind kind(BufferedImage image, String what) throws VideoFormatException {
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            return new Kind(8, !greyPalette(icm));
        }
        int type = cm.getColorSpace().getType();
        if (type != ColorSpace.TYPE_GRAY && type != ColorSpace.TYPE_RGB) {
            throw new VideoFormatException(what + " is neither grey nor RGB (colour space type " + type
                    + "); save the frames as grey or RGB PNG or TIFF");
        }
        int dataType = image.getRaster().getDataBuffer().getDataType();
        int bits = cm.getComponentSize(0);
        boolean integer = dataType == DataBuffer.TYPE_BYTE || dataType == DataBuffer.TYPE_USHORT || dataType == DataBuffer.TYPE_INT;
        if (!integer || bits != 8 && bits != 16) {
            throw new VideoFormatException(what + " has " + bits + "-bit " + (integer ? "integer" : "floating-point")
                    + " samples; frames must be 8 or 16 bits per channel (integer)");
        }
        return new Kind(bits, type == ColorSpace.TYPE_RGB);
    }

    private static boolean greyPalette(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) return false;
        }
        return true;
    }

    /** Writes the image's grey levels into the frame, which has the image's size (checked by the caller). */
    void toFrame(BufferedImage image, Kind kind, Frame frame) {
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            fromPalette(raster, icm, frame.pixels());
        } else if (!directCopy(raster, kind.colour(), frame.pixels())) {
            fromSamples(raster, kind.colour(), frame.pixels());
        }
    }

    private void fromPalette(Raster raster, IndexColorModel icm, float[] pixels) {
        int size = icm.getMapSize();
        for (int i = 0; i < size; i++) palette[i] = (float) luminance(icm.getRed(i), icm.getGreen(i), icm.getBlue(i));
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] row = rowBuffer(w);
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            int o = y * w;
            for (int x = 0; x < w; x++) pixels[o + x] = palette[row[x]];
        }
    }

    private void fromSamples(Raster raster, boolean colour, float[] pixels) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int x0 = raster.getMinX();
        int y0 = raster.getMinY();
        int[] r = rowBuffer(w);
        if (colour && green.length < w) {
            green = new int[w];
            blue = new int[w];
        }
        for (int y = 0; y < h; y++) {
            int o = y * w;
            raster.getSamples(x0, y0 + y, w, 1, 0, r);
            if (colour) {
                raster.getSamples(x0, y0 + y, w, 1, 1, green);
                raster.getSamples(x0, y0 + y, w, 1, 2, blue);
                for (int x = 0; x < w; x++) pixels[o + x] = (float) luminance(r[x], green[x], blue[x]);
            } else {
                for (int x = 0; x < w; x++) pixels[o + x] = r[x];
            }
        }
    }

    /** Reads interleaved or banded byte and short arrays directly; false when the layout is another. */
    private static boolean directCopy(Raster raster, boolean colour, float[] pixels) {
        SampleModel sm = raster.getSampleModel();
        if (!(sm instanceof ComponentSampleModel csm)) return false;
        DataBuffer db = raster.getDataBuffer();
        int w = raster.getWidth();
        int h = raster.getHeight();
        int stride = csm.getScanlineStride();
        int step = csm.getPixelStride();
        int[] bands = colour ? new int[] {0, 1, 2} : new int[] {0};
        int[] start = new int[bands.length];
        int[] bank = new int[bands.length];
        int originX = raster.getMinX() - raster.getSampleModelTranslateX();
        int originY = raster.getMinY() - raster.getSampleModelTranslateY();
        for (int b = 0; b < bands.length; b++) {
            bank[b] = csm.getBankIndices()[b];
            start[b] = db.getOffsets()[bank[b]] + originY * stride + originX * step + csm.getBandOffsets()[b];
        }
        if (db instanceof DataBufferByte bytes) {
            if (colour) {
                copyColour(bytes.getData(bank[0]), bytes.getData(bank[1]), bytes.getData(bank[2]), start, stride, step, w, h, pixels);
            } else {
                copyGrey(bytes.getData(bank[0]), start[0], stride, step, w, h, pixels);
            }
            return true;
        }
        if (db instanceof DataBufferUShort shorts) {
            if (colour) {
                copyColour(shorts.getData(bank[0]), shorts.getData(bank[1]), shorts.getData(bank[2]), start, stride, step, w, h, pixels);
            } else {
                copyGrey(shorts.getData(bank[0]), start[0], stride, step, w, h, pixels);
            }
            return true;
        }
        return false;
    }

    private static void copyGrey(byte[] data, int start, int stride, int step, int w, int h, float[] pixels) {
        for (int y = 0; y < h; y++) {
            int i = start + y * stride;
            int o = y * w;
            for (int x = 0; x < w; x++, i += step) pixels[o + x] = data[i] & 0xFF;
        }
    }

    private static void copyGrey(short[] data, int start, int stride, int step, int w, int h, float[] pixels) {
        for (int y = 0; y < h; y++) {
            int i = start + y * stride;
            int o = y * w;
            for (int x = 0; x < w; x++, i += step) pixels[o + x] = data[i] & 0xFFFF;
        }
    }

    private static void copyColour(byte[] r, byte[] g, byte[] b, int[] start, int stride, int step, int w, int h, float[] pixels) {
        for (int y = 0; y < h; y++) {
            int ir = start[0] + y * stride;
            int ig = start[1] + y * stride;
            int ib = start[2] + y * stride;
            int o = y * w;
            for (int x = 0; x < w; x++, ir += step, ig += step, ib += step) {
                pixels[o + x] = (float) luminance(r[ir] & 0xFF, g[ig] & 0xFF, b[ib] & 0xFF);
            }
        }
    }

    private static void copyColour(short[] r, short[] g, short[] b, int[] start, int stride, int step, int w, int h, float[] pixels) {
        for (int y = 0; y < h; y++) {
            int ir = start[0] + y * stride;
            int ig = start[1] + y * stride;
            int ib = start[2] + y * stride;
            int o = y * w;
            for (int x = 0; x < w; x++, ir += step, ig += step, ib += step) {
                pixels[o + x] = (float) luminance(r[ir] & 0xFFFF, g[ig] & 0xFFFF, b[ib] & 0xFFFF);
            }
        }
    }

    /** ITU-R BT.601 luminance of stored channel values, in the channels' own units. */
    static double luminance(int r, int g, int b) {
        return RED * r + GREEN * g + BLUE * b;
    }

    private int[] rowBuffer(int w) {
        if (red.length < w) red = new int[w];
        return red;
    }
}

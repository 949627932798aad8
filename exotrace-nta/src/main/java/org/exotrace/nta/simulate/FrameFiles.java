package org.exotrace.nta.simulate;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.exotrace.nta.video.Frame;
import org.exotrace.nta.video.FrameSource;
import org.exotrace.nta.video.VideoFormatException;

/** Writes frames as numbered grey images, by ImageIO (PNG, or the JDK's TIFF writer). */
final class FrameFiles {

    private FrameFiles() {
    }

    static void write(FrameSource source, Path folder, String format) throws IOException, VideoFormatException {
        String f = format.toLowerCase(Locale.ROOT);
        String extension;
        String writer;
        switch (f) {
            case "png" -> {
                extension = "png";
                writer = "png";
            }
            case "tif", "tiff" -> {
                extension = "tif";
                writer = "tiff";
            }
            default -> throw new IllegalArgumentException("frames can be written as png or tif, not " + format);
        }
        Files.createDirectories(folder);
        BufferedImage image = null;
        for (Frame frame = source.next(); frame != null; frame = source.next()) {
            if (image == null) {
                int type = frame.bitDepth() == 8 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_USHORT_GRAY;
                image = new BufferedImage(frame.width(), frame.height(), type);
            }
            fill(image, frame);
            Path file = folder.resolve(String.format(Locale.ROOT, "frame_%05d.%s", frame.index(), extension));
            if (!ImageIO.write(image, writer, file.toFile())) {
                throw new IOException("this Java runtime has no ImageIO writer for " + writer + "; write png instead (" + file + ")");
            }
        }
    }

    private static void fill(BufferedImage image, Frame frame) {
        float[] pixels = frame.pixels();
        double max = frame.maxValue();
        if (frame.bitDepth() == 8) {
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < pixels.length; i++) data[i] = (byte) level(pixels[i], max);
        } else {
            short[] data = ((DataBufferUShort) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < pixels.length; i++) data[i] = (short) level(pixels[i], max);
        }
    }

    private static int level(float value, double max) {
        return (int) Math.max(0, Math.min(max, Math.rint(value)));
    }
}

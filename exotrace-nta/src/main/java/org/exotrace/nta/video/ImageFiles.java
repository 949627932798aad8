package org.exotrace.nta.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decoding one image (or one page) with the ImageIO readers on the class path, with messages that name the file. */
final class ImageFiles {

    private ImageFiles() {
    }

    /** True for the frame formats read from folders and zips: PNG and TIFF, by the name's extension. */
    static boolean isFrameImage(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") || lower.endsWith(".tif") || lower.endsWith(".tiff");
    }

    /** "PNG" or "TIFF", by extension. */
    static String formatOf(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".png") ? "PNG" : "TIFF";
    }

    /**
     * A reader for this stream, chosen by its content (not its name).
     *
     * @param previous a reader that read the previous file: reused when it can decode this one too
     */
    static ImageReader readerFor(ImageInputStream in, ImageReader previous, String name) throws IOException, VideoFormatException {
        if (previous != null && previous.getOriginatingProvider() != null && decodes(previous, in)) return previous;
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new VideoFormatException(name + " is not an image that can be read (its content is neither PNG nor TIFF); "
                    + "remove it or export the frame again");
        }
        if (previous != null) previous.dispose();
        return readers.next();
    }

    /** Whether the reader's plugin recognises the stream; a stream too short to tell is not recognised. */
    private static boolean decodes(ImageReader reader, ImageInputStream in) {
        try {
            return reader.getOriginatingProvider().canDecodeInput(in);
        } catch (IOException e) {
            return false;
        }
    }

    /** Decodes one page; a decoding failure becomes a {@link VideoFormatException} naming the file. */
    static BufferedImage read(ImageReader reader, int page, String name) throws VideoFormatException {
        try {
            return reader.read(page);
        } catch (IOException | RuntimeException e) {
            throw new VideoFormatException(name + " could not be decoded (" + e.getMessage() + "); the file is probably "
                    + "truncated or corrupt: export it again or remove it", e);
        }
    }

    /** The checks every frame after the first must pass: same size, same bit depth. */
    static void checkSame(BufferedImage image, GreyConverter.Kind kind, int width, int height, GreyConverter.Kind first, String name)
            throws VideoFormatException {
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new VideoFormatException(name + " is " + image.getWidth() + " × " + image.getHeight() + " pixels where the first frame is "
                    + width + " × " + height + "; all frames of a video must have the same size");
        }
        if (kind.bitDepth() != first.bitDepth()) {
            throw new VideoFormatException(name + " has " + kind.bitDepth() + "-bit samples where the first frame has " + first.bitDepth()
                    + "; all frames of a video must have the same bit depth");
        }
    }
}

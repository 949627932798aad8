package org.exotrace.nta.video;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A video stored as one image per frame (files of a folder, entries of a zip, or a single file),
 * decoded one at a time in the given order; the first page of each image is the frame.
 */
final class ImageSequenceSource implements FrameSource {

    /** One frame's image: its name for messages, and a fresh stream over its bytes. */
    interface FrameImage {
        String name();

        ImageInputStream open() throws IOException;
    }

    private final List<? extends FrameImage> images;
    private final String label;
    private final Closeable container;
    private final GreyConverter converter = new GreyConverter();
    private final GreyConverter.Kind kind;
    private final Frame frame;
    private ImageReader reader;
    private BufferedImage pending;
    private int next;

    /**
     * Decodes the first image (for the size and depth) and keeps it as the first frame.
     *
     * @param label     what the images are, for {@link #description()}: "PNG frames in folder x"
     * @param container closed with the source (a zip file), or null
     */
    ImageSequenceSource(List<? extends FrameImage> images, String label, Closeable container) throws IOException, VideoFormatException {
        this.images = List.copyOf(images);
        this.label = label;
        this.container = container;
        this.pending = decode(this.images.get(0));
        this.kind = GreyConverter.kind(pending, this.images.get(0).name());
        this.frame = new Frame(pending.getWidth(), pending.getHeight(), kind.bitDepth());
    }

    private BufferedImage decode(FrameImage image) throws IOException, VideoFormatException {
        try (ImageInputStream in = image.open()) {
            if (in == null) throw new VideoFormatException(image.name() + " cannot be opened as an image stream");
            reader = ImageFiles.readerFor(in, reader, image.name());
            // not seek-forward-only: a TIFF may keep its directory after the pixel data
            reader.setInput(in, false, true);
            return ImageFiles.read(reader, 0, image.name());
        }
    }

    @Override
    public Frame next() throws IOException, VideoFormatException {
        if (next >= images.size()) return null;
        FrameImage image = images.get(next);
        BufferedImage decoded = pending != null ? pending : decode(image);
        pending = null;
        GreyConverter.Kind k = GreyConverter.kind(decoded, image.name());
        ImageFiles.checkSame(decoded, k, frame.width(), frame.height(), kind, image.name());
        converter.toFrame(decoded, k, frame);
        frame.setIndex(next++);
        return frame;
    }

    @Override
    public OptionalInt frameCount() {
        return OptionalInt.of(images.size());
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
        return images.size() + " " + label + ", " + frame.width() + " × " + frame.height() + ", " + kind.text();
    }

    @Override
    public void close() throws IOException {
        pending = null;
        if (reader != null) {
            reader.dispose();
            reader = null;
        }
        if (container != null) container.close();
    }
}

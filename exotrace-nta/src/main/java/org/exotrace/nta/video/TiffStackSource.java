package org.exotrace.nta.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A (multi-page) TIFF file, one page per frame, decoded page by page with
 * {@link ImageReader#read(int)}: only the current page is held in memory. The page count comes
 * from walking the file's directory chain once when it is opened (no pixel data is read then).
 */
final class TiffStackSource implements FrameSource {

    private final String name;
    private final ImageInputStream in;
    private final ImageReader reader;
    private final int pages;
    private final GreyConverter converter = new GreyConverter();
    private final GreyConverter.Kind kind;
    private final Frame frame;
    private BufferedImage pending;
    private int next;

    private TiffStackSource(String name, ImageInputStream in, ImageReader reader, int pages, BufferedImage first,
                            GreyConverter.Kind kind) {
        this.name = name;
        this.in = in;
        this.reader = reader;
        this.pages = pages;
        this.pending = first;
        this.kind = kind;
        this.frame = new Frame(first.getWidth(), first.getHeight(), kind.bitDepth());
    }

    static TiffStackSource open(Path file) throws IOException, VideoFormatException {
        String name = String.valueOf(file.getFileName());
        ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
        if (in == null) throw new VideoFormatException(file + " cannot be opened for reading");
        ImageReader reader = null;
        try {
            reader = ImageFiles.readerFor(in, null, name);
            reader.setInput(in, false, true);
            int pages;
            try {
                pages = reader.getNumImages(true);
            } catch (IOException | RuntimeException e) {
                throw new VideoFormatException(name + " is not a readable TIFF (" + e.getMessage() + "); the file may be truncated or corrupt", e);
            }
            if (pages < 1) throw new VideoFormatException(name + " holds no image");
            BufferedImage first = ImageFiles.read(reader, 0, name);
            GreyConverter.Kind kind = GreyConverter.kind(first, name + " page 1");
            return new TiffStackSource(name, in, reader, pages, first, kind);
        } catch (IOException | VideoFormatException | RuntimeException e) {
            if (reader != null) reader.dispose();
            in.close();
            throw e;
        }
    }

    @Override
    public Frame next() throws VideoFormatException {
        if (next >= pages) return null;
        String page = name + " page " + (next + 1);
        BufferedImage decoded = pending != null ? pending : ImageFiles.read(reader, next, page);
        pending = null;
        GreyConverter.Kind k = GreyConverter.kind(decoded, page);
        ImageFiles.checkSame(decoded, k, frame.width(), frame.height(), kind, page);
        converter.toFrame(decoded, k, frame);
        frame.setIndex(next++);
        return frame;
    }

    @Override
    public OptionalInt frameCount() {
        return OptionalInt.of(pages);
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
        return "TIFF " + name + ": " + pages + (pages == 1 ? " page" : " pages") + ", " + frame.width() + " × " + frame.height() + ", " + kind.text();
    }

    @Override
    public void close() throws IOException {
        pending = null;
        reader.dispose();
        in.close();
    }
}

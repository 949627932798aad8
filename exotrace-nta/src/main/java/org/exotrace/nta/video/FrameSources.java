package org.exotrace.nta.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Opens a video for tracking, whatever it is stored as, as a {@link FrameSource} that decodes one
 * frame at a time (memory does not grow with the number of frames):
 * <ul>
 *   <li>a <b>folder</b> of PNG or TIFF frames: every {@code .png}, {@code .tif} or {@code .tiff} file
 *       is a frame (other files, such as a README, and hidden files are ignored), in the order of
 *       the last number in the file name ({@code frame_2.png} before {@code frame_10.png}; names
 *       without a number first, ties by name). One format per folder; of a TIFF only the first page
 *       is read;</li>
 *   <li>a <b>TIFF</b> file, single- or multi-page: one frame per page, read page by page;</li>
 *   <li>a single <b>PNG</b> file: a video of one frame;</li>
 *   <li>an <b>AVI</b> file, its first video stream: uncompressed 8-bit (palette or grey),
 *       24/32-bit BGR or 16-bit grey ({@code Y16 }) frames, or Motion-JPEG frames read as their luma
 *       (Y of YCbCr, the same 0.299/0.587/0.114 weighting); OpenDML files (AVIX segments, over 1 GB) included;</li>
 *   <li>a <b>ZIP</b> file of PNG or TIFF frames, ordered as in a folder and decoded entry by entry
 *       without unpacking the archive.</li>
 * </ul>
 *
 * <p>Every frame is reduced to grey levels in camera units, keeping the channel's bit depth (8 or
 * 16): grey images as stored; colour images as their luminance 0.299 R + 0.587 G + 0.114 B (ITU-R
 * BT.601) of the stored channel values; palette images through the luminance of the palette;
 * alpha ignored. All frames must have the size and bit depth of the first one. Any file that cannot
 * be read becomes a {@link VideoFormatException} whose message names the file and what to do.
 */
public final class FrameSources {

    private static final Comparator<String> NATURAL_ORDER = FrameSources::compareByLastNumber;

    private FrameSources() {
    }

    /**
     * Opens a folder of PNG/TIFF frames, a (multi-page) TIFF, one PNG image, an AVI (uncompressed
     * or MJPEG) or a ZIP of PNG/TIFF frames, chosen by what the path is and its extension.
     * The first frame is decoded here, so its size and depth are known and checked at once.
     *
     * @throws VideoFormatException when the path is missing, of an unknown kind, empty, or its first frame cannot be read
     * @throws IOException          when reading fails for a reason outside the file's content
     */
    public static FrameSource open(Path path) throws IOException, VideoFormatException {
        if (Files.isDirectory(path)) return openFolder(path);
        if (!Files.isRegularFile(path)) {
            throw new VideoFormatException(path + " does not exist or is not a file or folder; give a folder of frames, a TIFF, an AVI or a ZIP");
        }
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".tif") || name.endsWith(".tiff")) return TiffStackSource.open(path);
        if (name.endsWith(".png")) {
            return new ImageSequenceSource(List.of(new FileImage(path)), "PNG frame (" + path.getFileName() + ")", null);
        }
        if (name.endsWith(".avi")) return AviFrameSource.open(path);
        if (name.endsWith(".zip")) return openZip(path);
        throw new VideoFormatException(path.getFileName() + " has an extension that is not read as a video: give a folder of PNG or "
                + "TIFF frames, a .tif/.tiff stack, a .png image, an .avi (uncompressed or MJPEG) or a .zip of frames");
    }

    /**
     * The same frames, decoded on a background thread up to {@code ahead} frames before the caller
     * asks for them, so that decoding overlaps the caller's work (detection) on the previous frame;
     * worth it when decoding is a large part of the time per frame (PNG, TIFF, MJPEG). Memory holds
     * {@code ahead + 2} extra frames; errors surface, in order, from {@link FrameSource#next()};
     * {@link FrameSource#close()} stops the thread and closes {@code source}.
     */
    public static FrameSource decodingAhead(FrameSource source, int ahead) {
        return new DecodingAheadSource(source, ahead);
    }

    private static FrameSource openFolder(Path folder) throws IOException, VideoFormatException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(p -> isFrameName(String.valueOf(p.getFileName())))
                    .sorted(Comparator.comparing(p -> String.valueOf(p.getFileName()), NATURAL_ORDER))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new VideoFormatException("the folder " + folder + " holds no PNG or TIFF frames (.png, .tif, .tiff); "
                    + "export the video's frames there, or give the video file itself");
        }
        String format = singleFormat(files.stream().map(p -> String.valueOf(p.getFileName())).toList(), "the folder " + folder);
        List<FileImage> images = new ArrayList<>(files.size());
        for (Path f : files) images.add(new FileImage(f));
        return new ImageSequenceSource(images, format + " frames", null);
    }

    private static FrameSource openZip(Path zip) throws IOException, VideoFormatException {
        String zipName = String.valueOf(zip.getFileName());
        ZipFile file;
        try {
            file = new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new VideoFormatException(zipName + " is not a readable ZIP archive (" + e.getMessage() + "); pack the frames again", e);
        }
        try {
            List<ZipEntry> entries = file.stream()
                    .map(ZipEntry.class::cast)
                    .filter(e -> !e.isDirectory() && !e.getName().startsWith("__MACOSX/") && isFrameName(baseName(e.getName())))
                    .sorted(Comparator.comparing((ZipEntry e) -> baseName(e.getName()), NATURAL_ORDER).thenComparing(ZipEntry::getName))
                    .toList();
            if (entries.isEmpty()) {
                throw new VideoFormatException(zipName + " holds no PNG or TIFF frames (.png, .tif, .tiff); zip the frame images themselves");
            }
            String format = singleFormat(entries.stream().map(e -> baseName(e.getName())).toList(), zipName);
            List<ZipImage> images = new ArrayList<>(entries.size());
            for (ZipEntry e : entries) images.add(new ZipImage(file, e, zipName + "!" + e.getName()));
            return new ImageSequenceSource(images, format + " frames in " + zipName, file);
        } catch (IOException | VideoFormatException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static boolean isFrameName(String fileName) {
        return !fileName.startsWith(".") && ImageFiles.isFrameImage(fileName);
    }

    private static String baseName(String entryName) {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }

    private static String singleFormat(List<String> names, String where) throws VideoFormatException {
        String format = ImageFiles.formatOf(names.get(0));
        for (String n : names) {
            if (!ImageFiles.formatOf(n).equals(format)) {
                throw new VideoFormatException(where + " mixes PNG and TIFF frames (" + names.get(0) + ", " + n
                        + "); keep the frames of one video in one format");
            }
        }
        return format;
    }

    /**
     * Orders file names by the last run of digits in them, numerically ({@code frame_2} before
     * {@code frame_10}, leading zeros ignored); names without digits first; then by the name.
     */
    static int compareByLastNumber(String a, String b) {
        String na = lastNumber(a);
        String nb = lastNumber(b);
        if (na.isEmpty() != nb.isEmpty()) return na.isEmpty() ? -1 : 1;
        int byLength = Integer.compare(na.length(), nb.length());
        if (byLength != 0) return byLength;
        int byDigits = na.compareTo(nb);
        return byDigits != 0 ? byDigits : a.compareTo(b);
    }

    /** The last run of digits in a name, without leading zeros ("0" for all zeros, "" for none). */
    private static String lastNumber(String name) {
        int end = name.length();
        while (end > 0 && !Character.isDigit(name.charAt(end - 1))) end--;
        int start = end;
        while (start > 0 && Character.isDigit(name.charAt(start - 1))) start--;
        if (start == end) return "";
        while (start < end - 1 && name.charAt(start) == '0') start++;
        return name.substring(start, end);
    }

    /** A frame stored as a file. */
    private record FileImage(Path file) implements ImageSequenceSource.FrameImage {

        @Override
        public String name() {
            return String.valueOf(file.getFileName());
        }

        @Override
        public ImageInputStream open() throws IOException {
            return ImageIO.createImageInputStream(file.toFile());
        }
    }

    /** A frame stored as a zip entry, inflated as it is decoded. */
    private record ZipImage(ZipFile zip, ZipEntry entry, String name) implements ImageSequenceSource.FrameImage {

        @Override
        public ImageInputStream open() throws IOException {
            InputStream raw = zip.getInputStream(entry);
            return new MemoryCacheImageInputStream(raw) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        raw.close();
                    }
                }
            };
        }
    }
}

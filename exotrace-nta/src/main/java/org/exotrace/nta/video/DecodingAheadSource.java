package org.exotrace.nta.video;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decodes a source's frames on one background thread, a few frames ahead of the caller, so that
 * decoding (PNG inflation, JPEG) overlaps the caller's work on the previous frame. Memory stays
 * flat: {@code ahead + 2} frame copies circulate between the two threads (one being filled, those
 * decoded and waiting, the one the caller holds). Frames, indices and errors are those of the
 * wrapped source, in the same order; an error is raised by the {@link #next()} that reaches it.
 */
final class DecodingAheadSource implements FrameSource {

    /** What the decoding thread hands over: a frame, the end, or the error that stopped it. */
    private record Item(Frame frame, Exception error) {
    }

    private static final Item END = new Item(null, null);

    private final FrameSource source;
    private final BlockingQueue<Frame> free;
    private final BlockingQueue<Item> decoded;
    private final Thread worker;
    private final int frames;
    private Frame held;
    private boolean finished;

    DecodingAheadSource(FrameSource source, int ahead) {
        if (ahead < 1) throw new IllegalArgumentException("decode at least one frame ahead, not " + ahead);
        this.source = source;
        this.frames = ahead + 2;
        this.free = new ArrayBlockingQueue<>(frames);
        this.decoded = new ArrayBlockingQueue<>(frames + 1);
        this.worker = new Thread(this::decodeAll, "frame-decoder");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    private void decodeAll() {
        int allocated = 0;
        try {
            Item last;
            try {
                Frame f;
                while ((f = source.next()) != null) {
                    Frame copy = free.poll();
                    if (copy == null && allocated < frames) {
                        copy = new Frame(f.width(), f.height(), f.bitDepth());
                        allocated++;
                    } else if (copy == null) {
                        copy = free.take();
                    }
                    f.copyInto(copy);
                    decoded.put(new Item(copy, null));
                }
                last = END;
            } catch (IOException | VideoFormatException | RuntimeException e) {
                last = new Item(null, e);
            }
            decoded.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Frame next() throws IOException, VideoFormatException {
        if (finished) return null;
        if (held != null) {
            free.add(held); // never full: no more frames circulate than it holds
            held = null;
        }
        Item item;
        try {
            item = decoded.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next frame of " + source.description());
        }
        if (item.error() != null) {
            finished = true;
            if (item.error() instanceof VideoFormatException v) throw new VideoFormatException(v.getMessage(), v);
            if (item.error() instanceof IOException io) throw new IOException(io.getMessage(), io);
            throw new IllegalStateException(item.error().getMessage(), item.error());
        }
        if (item == END) {
            finished = true;
            return null;
        }
        held = item.frame();
        return held;
    }

    @Override
    public OptionalInt frameCount() {
        return source.frameCount();
    }

    @Override
    public int width() {
        return source.width();
    }

    @Override
    public int height() {
        return source.height();
    }

    @Override
    public String description() {
        return source.description();
    }

    /** Stops the decoding thread, waits for it, then closes the source. */
    @Override
    public void close() throws IOException {
        worker.interrupt();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
        }
    }
}

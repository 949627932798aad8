package org.exotrace.nta.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Streams a trackpy-style trajectory CSV into a {@link PositionSink}, one call per data row, in
 * file order, with x and y converted to micrometres as the {@link TrajectoryFormat} says.
 *
 * <p><b>Layout.</b> Line 1 is a header naming the columns; the columns named by the format must be
 * present, in any order, and any other columns are ignored. Fields are separated by commas, or by
 * tabs when the header has more tabs than commas. Fields are not quoted (pandas' {@code to_csv}
 * quotes none of the numeric columns trackpy writes); surrounding quotes are removed from header
 * names only. A UTF-8 byte order mark, CRLF line ends, spaces around values and blank lines at the
 * end of the file are accepted.
 *
 * <p><b>Values.</b> Frame and particle are integers (an integral decimal such as {@code 12.0} is
 * accepted, as pandas writes integer columns that once held NaN); the frame is at least 0. x and y
 * are finite decimal numbers, parsed to the nearest double exactly as {@link Double#parseDouble}.
 *
 * <p><b>Checks.</b> The first problem stops reading with a {@link TrajectoryFormatException} naming
 * the line, the field and the problem: a column missing from the header, a row with a different
 * number of fields from the header, an empty or malformed number, NaN or infinity, a negative
 * frame, a particle whose frame does not increase from one of its rows to the next, or a blank line
 * followed by more data. Rows already passed to the sink stay passed.
 *
 * <p><b>Memory and speed.</b> The input is read as bytes into a fixed buffer (it grows only to the
 * longest line); a data row of plain ASCII is split and its four numbers converted in place
 * ({@code DecimalParser}: the same doubles as {@link Double#parseDouble}, without a String), and
 * no object is created per row. Any other line (the header, blank lines, non-ASCII bytes, numbers
 * the fast parser does not decide, and every malformed row) is decoded as UTF-8 and handled by
 * the general path, which gives the messages above. A {@link Reader} is encoded to UTF-8 on the
 * way in. Memory is bounded: besides the buffer, the reader keeps the last frame of each distinct
 * particle (12-24 bytes per particle, independent of the number of rows).
 *
 * <p>Instances are immutable and may be shared between threads; each call to {@code read} has its
 * own state.
 */
public final class TrajectoryReader {

    private static final int FRAME = 0;
    private static final int PARTICLE = 1;
    private static final int X = 2;
    private static final int Y = 3;

    private final TrajectoryFormat format;

    public TrajectoryReader(TrajectoryFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    public TrajectoryFormat format() {
        return format;
    }

    /**
     * Reads a UTF-8 file.
     *
     * @return the number of rows passed to the sink
     * @throws TrajectoryFormatException at the first row that breaks the format
     * @throws IOException               when the file cannot be read
     */
    public long read(Path file, PositionSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        try (InputStream in = Files.newInputStream(file)) {
            return new Pass(format, sink).run(in::read);
        }
    }

    /**
     * Reads characters until the end of {@code in}; does not close it.
     *
     * @return the number of rows passed to the sink
     * @throws TrajectoryFormatException at the first row that breaks the format
     * @throws IOException               when {@code in} fails
     */
    public long read(Reader in, PositionSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        return new Pass(format, sink).run(new Utf8Encoding(in));
    }

    /** Where a pass reads bytes from: {@link InputStream#read(byte[], int, int)}'s contract. */
    @FunctionalInterface
    private interface ByteSource {
        int read(byte[] buffer, int offset, int length) throws IOException;
    }

    /** Characters encoded to UTF-8 as they are read (unpaired surrogates become '?'). */
    private static final class Utf8Encoding implements ByteSource {
        private final Reader in;
        private final CharBuffer chars = CharBuffer.allocate(8192).flip();
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private boolean endOfInput;
        private boolean flushed;

        Utf8Encoding(Reader in) {
            this.in = in;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (flushed) return -1;
            ByteBuffer out = ByteBuffer.wrap(buffer, offset, length);
            boolean needChars = !chars.hasRemaining();
            while (out.position() == offset) {
                if (needChars && !endOfInput) {
                    // Keep what the encoder left (half of a surrogate pair) and read after it.
                    chars.compact();
                    int n = in.read(chars);
                    chars.flip();
                    if (n < 0) endOfInput = true;
                }
                CoderResult result = encoder.encode(chars, out, endOfInput);
                if (result.isError()) result.throwException();
                if (endOfInput && !chars.hasRemaining() && encoder.flush(out).isUnderflow()) {
                    flushed = true;
                    break;
                }
                if (result.isOverflow() && out.position() == offset) {
                    throw new IllegalStateException("no room in the buffer for one encoded character");
                }
                needChars = result.isUnderflow();
            }
            int written = out.position() - offset;
            return written == 0 ? -1 : written;
        }
    }

    /** The state of one read. */
    private static final class Pass {

        private static final VarHandle LITTLE_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
        /** Room kept free at the end of the buffer before reading, enough for any encoded character. */
        private static final int MIN_READ = 64;

        private final PositionSink sink;
        private final double umPerUnit;
        private final String[] roleNames;
        private final LastFrameByParticle lastFrames = new LastFrameByParticle();
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

        private byte delimiter;
        /** The delimiter in every byte of a word. */
        private long delimiters;
        private int fieldCount;
        /** Fields of the row being scanned so far, and where the current one starts. */
        private int field;
        private int fieldStart;
        /** Role of each field (FRAME, PARTICLE, X, Y) or -1, with one extra -1 for a surplus field. */
        private int[] roleOfField;
        private final int[] start = new int[4];
        private final int[] end = new int[4];

        private long lineNumber;
        private long firstBlankLine;
        private long rows;

        Pass(TrajectoryFormat format, PositionSink sink) {
            this.sink = sink;
            this.umPerUnit = format.micrometresPerUnit();
            this.roleNames = new String[] {format.frameColumn(), format.particleColumn(), format.xColumn(), format.yColumn()};
        }

        long run(ByteSource in) throws IOException {
            byte[] buf = new byte[1 << 16];
            int pos = 0;
            int limit = 0;
            boolean eof = false;
            while (true) {
                pos = lines(buf, pos, limit);
                if (eof) {
                    if (pos < limit) {
                        lineNumber++;
                        line(buf, pos, limit);
                    }
                    break;
                }
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                }
                if (buf.length - limit < MIN_READ) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                }
            }
            if (lineNumber == 0) {
                throw new TrajectoryFormatException(1, null, "empty file: expected a header naming the columns");
            }
            return rows;
        }

        /** Handles every complete line in [from, limit) and answers where the incomplete rest starts. */
        private int lines(byte[] buf, int from, int limit) throws IOException {
            int lineStart = from;
            while (true) {
                if (lineNumber == 0 || firstBlankLine != 0) {
                    int newline = indexOf(buf, (byte) '\n', lineStart, limit);
                    if (newline < 0) return lineStart;
                    lineNumber++;
                    line(buf, lineStart, newline);
                    lineStart = newline + 1;
                    continue;
                }
                // A data row: find the role fields and the line end in one scan, eight bytes at a time.
                field = 0;
                fieldStart = lineStart;
                long bytes = 0;
                int i = lineStart;
                int newline = -1;
                while (newline < 0 && i + 8 <= limit) {
                    long word = (long) LITTLE_ENDIAN_LONGS.get(buf, i);
                    long hits = zeroBytes(word ^ delimiters) | zeroBytes(word ^ NEWLINES);
                    while (hits != 0) {
                        int p = i + (Long.numberOfTrailingZeros(hits) >>> 3);
                        if (buf[p] == '\n') {
                            newline = p;
                            word &= (1L << (8 * (p - i))) - 1;
                            break;
                        }
                        delimiterAt(p);
                        hits &= hits - 1;
                    }
                    bytes |= word;
                    i += 8;
                }
                for (; newline < 0 && i < limit; i++) {
                    byte c = buf[i];
                    if (c == '\n') {
                        newline = i;
                    } else {
                        bytes |= c;
                        if (c == delimiter) delimiterAt(i);
                    }
                }
                if (newline < 0) return lineStart;
                int lineEnd = newline > lineStart && buf[newline - 1] == '\r' ? newline - 1 : newline;
                delimiterAt(lineEnd);
                lineNumber++;
                if ((bytes & 0x8080808080808080L) != 0 || field != fieldCount || !fastRow(buf)) {
                    line(buf, lineStart, newline);
                }
                lineStart = newline + 1;
            }
        }

        /** A field of the row being scanned ends at p. */
        private void delimiterAt(int p) {
            int role = roleOfField[Math.min(field, fieldCount)];
            if (role >= 0) {
                start[role] = fieldStart;
                end[role] = p;
            }
            field++;
            fieldStart = p + 1;
        }

        /** The top bit of each byte of x that is zero, exactly (no carries between bytes). */
        private static long zeroBytes(long x) {
            long low7 = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
            return ~(low7 | x | 0x7F7F7F7F7F7F7F7FL);
        }

        /**
         * The row whose fields were just located, when it is well formed and its numbers are
         * plain: passed to the sink, answering true. False, with nothing done, otherwise.
         */
        private boolean fastRow(byte[] buf) throws TrajectoryFormatException {
            long frame = fastInteger(buf, FRAME);
            if (frame < 0 || frame > Integer.MAX_VALUE) return false;
            long particle = fastInteger(buf, PARTICLE);
            if (particle == Long.MIN_VALUE) return false;
            double x = fastDecimal(buf, X);
            if (Double.isNaN(x)) return false;
            double y = fastDecimal(buf, Y);
            if (Double.isNaN(y)) return false;
            accept((int) frame, particle, x, y);
            return true;
        }

        /**
         * An integer of at most 18 digits with optional sign and spaces around, or an integral
         * decimal such as {@code 12.0} (as the general path accepts it), else Long.MIN_VALUE.
         */
        private long fastInteger(byte[] buf, int role) {
            int s = start[role];
            int e = end[role];
            while (s < e && buf[s] == ' ') s++;
            while (e > s && buf[e - 1] == ' ') e--;
            boolean negative = s < e && buf[s] == '-';
            int i = negative || (s < e && buf[s] == '+') ? s + 1 : s;
            if (i < e && e - i <= 18) {
                long value = 0;
                for (; i < e; i++) {
                    int digit = buf[i] - '0';
                    if (digit < 0 || digit > 9) break;
                    value = value * 10 + digit;
                }
                if (i == e) return negative ? -value : value;
            }
            double value = DecimalParser.parse(buf, s, e);
            return value == Math.rint(value) && Math.abs(value) <= 9.0e18 ? (long) value : Long.MIN_VALUE;
        }

        private double fastDecimal(byte[] buf, int role) {
            int s = start[role];
            int e = end[role];
            while (s < e && buf[s] == ' ') s++;
            while (e > s && buf[e - 1] == ' ') e--;
            return DecimalParser.parse(buf, s, e);
        }

        /** The checks and the sink call shared by both paths. */
        private void accept(int frame, long particle, double x, double y) throws TrajectoryFormatException {
            int previous = lastFrames.put(particle, frame);
            if (previous >= frame) {
                throw new TrajectoryFormatException(lineNumber, roleNames[FRAME],
                        "frames out of order within particle " + particle + ": frame " + frame
                                + " comes after frame " + previous + "; frames must increase within a particle");
            }
            rows++;
            sink.position(frame, particle, x * umPerUnit, y * umPerUnit);
        }

        private static int indexOf(byte[] buf, byte b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (buf[i] == b) return i;
            }
            return -1;
        }

        // The general path: one line decoded to characters.

        /** Line {@code lineNumber}, the bytes [from, to) without the '\n'. */
        private void line(byte[] buf, int from, int to) throws IOException {
            char[] chars;
            try {
                chars = decode(buf, from, to);
            } catch (CharacterCodingException e) {
                throw new TrajectoryFormatException(lineNumber, null,
                        "not UTF-8 text (a spreadsheet may have saved it in another encoding); save it as CSV UTF-8 and upload again");
            }
            int length = chars.length;
            if (length > 0 && chars[length - 1] == '\r') {
                length--;
            }
            if (lineNumber == 1) {
                header(chars, 0, length);
                return;
            }
            if (isBlank(chars, 0, length)) {
                if (firstBlankLine == 0) {
                    firstBlankLine = lineNumber;
                }
                return;
            }
            if (firstBlankLine != 0) {
                throw new TrajectoryFormatException(firstBlankLine, null,
                        "blank line inside the data (more rows follow at line " + lineNumber + ")");
            }
            row(chars, 0, length);
        }

        private char[] decode(byte[] buf, int from, int to) throws CharacterCodingException {
            boolean ascii = true;
            for (int i = from; i < to; i++) {
                if (buf[i] < 0) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                char[] chars = new char[to - from];
                for (int i = from; i < to; i++) chars[i - from] = (char) buf[i];
                return chars;
            }
            CharBuffer decoded = decoder.reset().decode(ByteBuffer.wrap(buf, from, to - from));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            return chars;
        }

        private void header(char[] buf, int from, int to) throws TrajectoryFormatException {
            if (to > from && buf[from] == '\uFEFF') {
                from++;
            }
            int commas = 0;
            int tabs = 0;
            for (int i = from; i < to; i++) {
                if (buf[i] == ',') commas++;
                else if (buf[i] == '\t') tabs++;
            }
            delimiter = (byte) (tabs > commas ? '\t' : ',');
            delimiters = (delimiter & 0xFFL) * 0x0101010101010101L;
            List<String> names = new ArrayList<>();
            int fieldStart = from;
            for (int i = from; i <= to; i++) {
                if (i == to || buf[i] == delimiter) {
                    names.add(unquote(new String(buf, fieldStart, i - fieldStart).trim()));
                    fieldStart = i + 1;
                }
            }
            fieldCount = names.size();
            roleOfField = new int[fieldCount + 1];
            Arrays.fill(roleOfField, -1);
            for (int role = 0; role < 4; role++) {
                int index = names.indexOf(roleNames[role]);
                if (index < 0) {
                    throw new TrajectoryFormatException(1, roleNames[role],
                            "missing column '" + roleNames[role] + "' in the header " + names);
                }
                roleOfField[index] = role;
            }
        }

        private void row(char[] buf, int from, int to) throws TrajectoryFormatException {
            int field = 0;
            int fieldStart = from;
            for (int i = from; i <= to; i++) {
                if (i == to || buf[i] == delimiter) {
                    if (field < fieldCount) {
                        int role = roleOfField[field];
                        if (role >= 0) {
                            start[role] = fieldStart;
                            end[role] = i;
                        }
                    }
                    field++;
                    fieldStart = i + 1;
                }
            }
            if (field != fieldCount) {
                throw new TrajectoryFormatException(lineNumber, null,
                        "expected " + fieldCount + " fields as in the header, found " + field);
            }
            long frameValue = integer(buf, FRAME);
            if (frameValue < 0) {
                throw new TrajectoryFormatException(lineNumber, roleNames[FRAME], "negative frame " + frameValue);
            }
            if (frameValue > Integer.MAX_VALUE) {
                throw new TrajectoryFormatException(lineNumber, roleNames[FRAME], "frame " + frameValue + " is too large");
            }
            long particle = integer(buf, PARTICLE);
            double x = decimal(buf, X);
            double y = decimal(buf, Y);
            accept((int) frameValue, particle, x, y);
        }

        private long integer(char[] buf, int role) throws TrajectoryFormatException {
            int s = start[role];
            int e = end[role];
            while (s < e && buf[s] == ' ') s++;
            while (e > s && buf[e - 1] == ' ') e--;
            boolean negative = s < e && buf[s] == '-';
            int i = negative || (s < e && buf[s] == '+') ? s + 1 : s;
            if (i < e && e - i <= 18) {
                long value = 0;
                for (; i < e; i++) {
                    int digit = buf[i] - '0';
                    if (digit < 0 || digit > 9) break;
                    value = value * 10 + digit;
                }
                if (i == e) {
                    return negative ? -value : value;
                }
            }
            String text = new String(buf, s, e - s);
            double value = slowDecimal(text, role);
            if (value != Math.rint(value) || Math.abs(value) > 9.0e18) {
                throw new TrajectoryFormatException(lineNumber, roleNames[role], "'" + text + "' is not an integer");
            }
            return (long) value;
        }

        private double decimal(char[] buf, int role) throws TrajectoryFormatException {
            int s = start[role];
            int e = end[role];
            while (s < e && buf[s] == ' ') s++;
            while (e > s && buf[e - 1] == ' ') e--;
            return slowDecimal(new String(buf, s, e - s), role);
        }

        private double slowDecimal(String text, int role) throws TrajectoryFormatException {
            String field = roleNames[role];
            if (text.isEmpty()) {
                throw new TrajectoryFormatException(lineNumber, field, "empty value, expected a number");
            }
            String lower = text.toLowerCase(Locale.ROOT);
            String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
            if (unsigned.equals("nan") || unsigned.equals("inf") || unsigned.equals("infinity")) {
                throw new TrajectoryFormatException(lineNumber, field, "'" + text + "' is not a finite number");
            }
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                    throw new TrajectoryFormatException(lineNumber, field, "malformed number '" + text + "'");
                }
            }
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException ex) {
                throw new TrajectoryFormatException(lineNumber, field, "malformed number '" + text + "'");
            }
            if (!Double.isFinite(value)) {
                throw new TrajectoryFormatException(lineNumber, field, "'" + text + "' is not a finite number");
            }
            return value;
        }

        private static boolean isBlank(char[] buf, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!Character.isWhitespace(buf[i])) return false;
            }
            return true;
        }

        private static String unquote(String name) {
            return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
                    ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                    : name;
        }
    }
}

package org.exotrace.nta.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * Converts ASCII decimal numbers in a byte array to the nearest double, the same double as
 * {@link Double#parseDouble}, without creating a String; answers NaN for anything it does not
 * decide, and the caller then takes the slow path (which also produces the error messages).
 *
 * <p>Accepted here: {@code [+-] digits [. digits] [(e|E) [+-] digits]} with at least one digit
 * before the exponent, at most 19 significant digits (leading zeros do not count) and an exponent
 * of at most 4 digits; {@code .5} and {@code 5.} included. Everything else (NaN, Infinity, hex,
 * Java's {@code d}/{@code f} suffixes, longer mantissas, stray characters) answers NaN.
 *
 * <p>Conversion of w × 10^q, w the significant digits as an integer:
 * <ul>
 *   <li>w ≤ 2^53 and |q| ≤ 22: w and 10^|q| are exact doubles, so one multiplication or division
 *       rounds correctly (Clinger's fast path);</li>
 *   <li>otherwise w is multiplied by a 128-bit truncation T of 5^q (a table built with BigInteger
 *       at class initialization; T ≤ 5^q·2^-f < T + 1) and the top 54 bits of the 192-bit product
 *       give the rounded significand. The exact product lies in [z, z + 2^64) for the computed z,
 *       so the rounding is decided unless the 74 bits below the round bit are all ones (a carry
 *       may be missing) or all zeros with the round bit set (possibly an exact tie). Those
 *       cases are decided only when the decimal is exactly representable as w / 5^-q × 2^q
 *       (see {@link #exactQuotient}), and answer NaN otherwise, as do results outside the normal
 *       double range. This is the reasoning of the
 *       Eisel-Lemire algorithm (D. Lemire, "Number parsing at a gigabyte per second", Software:
 *       Practice and Experience 51(8), 2021).</li>
 * </ul>
 */
final class DecimalParser {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT = 1L << 53;
    private static final long[] POWERS_OF_TEN_LONG = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L,
        Long.parseUnsignedLong("10000000000000000000")};
    /** 5^0 .. 5^27, the powers of five below 2^63. */
    private static final long[] POWERS_OF_FIVE = new long[28];
    private static final int MAX_DIGITS = 19;
    private static final VarHandle LITTLE_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int Q_MIN = -342;
    private static final int Q_MAX = 308;
    /** 5^q ≈ (POW5_HIGH:POW5_LOW) × 2^POW5_EXPONENT, the 128-bit factor truncated, its top bit set. */
    private static final long[] POW5_HIGH = new long[Q_MAX - Q_MIN + 1];
    private static final long[] POW5_LOW = new long[Q_MAX - Q_MIN + 1];
    private static final int[] POW5_EXPONENT = new int[Q_MAX - Q_MIN + 1];

    static {
        POWERS_OF_FIVE[0] = 1;
        for (int n = 1; n < POWERS_OF_FIVE.length; n++) POWERS_OF_FIVE[n] = POWERS_OF_FIVE[n - 1] * 5;
        BigInteger five = BigInteger.valueOf(5);
        for (int q = Q_MIN; q <= Q_MAX; q++) {
            BigInteger truncated;
            int exponent;
            if (q >= 0) {
                BigInteger p = five.pow(q);
                int bits = p.bitLength();
                truncated = bits <= 128 ? p.shiftLeft(128 - bits) : p.shiftRight(bits - 128);
                exponent = bits - 128;
            } else {
                BigInteger p = five.pow(-q);
                int shift = 127 + p.bitLength();
                truncated = BigInteger.ONE.shiftLeft(shift).divide(p);
                exponent = -shift;
            }
            POW5_HIGH[q - Q_MIN] = truncated.shiftRight(64).longValue();
            POW5_LOW[q - Q_MIN] = truncated.longValue();
            POW5_EXPONENT[q - Q_MIN] = exponent;
        }
    }

    private DecimalParser() {
    }

    /** The double of the ASCII bytes [from, to), or NaN when this parser does not decide it. */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long w = 0;
        int significant = 0;
        int exponent = 0;
        boolean anyDigit = false;
        boolean fraction = false;
        // Leading zeros, and the point among them, do not count as significant digits.
        while (i < to) {
            if (b[i] == '0') {
                anyDigit = true;
                if (fraction) exponent--;
            } else if (b[i] == '.' && !fraction) {
                fraction = true;
            } else {
                break;
            }
            i++;
        }
        // Then at most two runs of digits, around the point, read eight bytes at a time (bytes past
        // 'to' may be read, never used); byte by byte near the end of the array.
        while (i < to) {
            int n;
            if (i + 8 <= b.length) {
                long v = (long) LITTLE_ENDIAN_LONGS.get(b, i);
                long flags = nonDigits(v);
                n = Math.min(flags == 0 ? 8 : Long.numberOfTrailingZeros(flags) >>> 3, to - i);
                if (n > 0) {
                    significant += n;
                    if (significant > MAX_DIGITS) return Double.NaN;
                    // The first n digits, moved up so that the lanes below them read as leading zeros.
                    w = w * POWERS_OF_TEN_LONG[n] + eightDigits((v - 0x3030303030303030L) << (8 * (8 - n)));
                }
            } else {
                n = 0;
                while (i + n < to && b[i + n] >= '0' && b[i + n] <= '9') {
                    if (++significant > MAX_DIGITS) return Double.NaN;
                    w = w * 10 + (b[i + n] - '0');
                    n++;
                }
            }
            if (n > 0) {
                anyDigit = true;
                if (fraction) exponent -= n;
                i += n;
                if (n == 8) continue;
            }
            if (i < to && b[i] == '.' && !fraction) {
                fraction = true;
                i++;
            } else {
                break;
            }
        }
        if (!anyDigit) return Double.NaN;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int start = i;
            int e = 0;
            for (; i < to && i - start < 5; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) break;
                e = e * 10 + d;
            }
            if (i == start || i - start > 4) return Double.NaN;
            exponent += negativeExponent ? -e : e;
        }
        if (i != to) return Double.NaN;
        if (w == 0) return negative ? -0.0 : 0.0;
        double value = toDouble(w, exponent);
        return negative ? -value : value;
    }

    /** The double nearest to w × 10^q for w > 0 (unsigned 64-bit), or NaN when undecided. */
    static double toDouble(long w, int q) {
        if (w > 0 && w <= MAX_EXACT && q >= -22 && q <= 22) {
            return q >= 0 ? w * POWERS_OF_TEN[q] : w / POWERS_OF_TEN[-q];
        }
        return eiselLemire(w, q);
    }

    /** The 128-bit product path of {@link #toDouble}, for any w ≠ 0 (separate so tests can reach it with small w). */
    static double eiselLemire(long w, int q) {
        if (q < Q_MIN || q > Q_MAX) return Double.NaN;
        int leadingZeros = Long.numberOfLeadingZeros(w);
        long normalized = w << leadingZeros;
        long high = POW5_HIGH[q - Q_MIN];
        long low = POW5_LOW[q - Q_MIN];
        // The top 128 bits of normalized × (high:low): upper:middle.
        long middle = normalized * high;
        long upper = unsignedMultiplyHigh(normalized, high);
        long cross = unsignedMultiplyHigh(normalized, low);
        long sum = middle + cross;
        if (Long.compareUnsigned(sum, middle) < 0) upper++;
        middle = sum;
        // upper has its top bit at 63 or 62; keep 54 bits: 53 of significand and a round bit.
        int shift = (int) (upper >>> 63) + 9;
        long rounding = upper >>> shift;
        long belowMask = (1L << shift) - 1;
        long below = upper & belowMask;
        if (below == belowMask && middle == -1L || (rounding & 1) == 1 && below == 0 && middle == 0) {
            return exactQuotient(w, q);
        }
        long significand = (rounding + (rounding & 1)) >>> 1;
        int binaryExponent = POW5_EXPONENT[q - Q_MIN] + q - leadingZeros + 128 + shift + 1;
        if (significand == 1L << 53) {
            significand >>>= 1;
            binaryExponent++;
        }
        int biased = binaryExponent + 52 + 1023;
        if (biased < 1 || biased > 2046) return Double.NaN;
        return Double.longBitsToDouble(((long) biased << 52) | (significand & ((1L << 52) - 1)));
    }

    /**
     * The undecided cases of the product path are values at or next to a rounding boundary, and
     * among them, for -27 ≤ q < 0, the decimals that are exactly representable: w × 10^q =
     * (w / 5^-q) × 2^q when 5^-q divides w (Double.toString writes such values, e.g. 3120237106923436.5).
     * Then the quotient converts to double with one correct rounding and the power of two is exact.
     * NaN otherwise.
     */
    private static double exactQuotient(long w, int q) {
        if (q >= 0 || q < -27) return Double.NaN;
        long power = POWERS_OF_FIVE[-q];
        if (Long.remainderUnsigned(w, power) != 0) return Double.NaN;
        return Math.scalb((double) Long.divideUnsigned(w, power), q);
    }

    /**
     * A flag bit in each byte of v, loaded little-endian, that is not an ASCII digit: its high
     * nibble is not 3, or adding 6 carries out of the low nibble. Only the lowest flagged byte is
     * reliable (a non-digit can carry into the byte above it), which is all the parser uses.
     */
    private static long nonDigits(long v) {
        long highNibble = (v & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L;
        long aboveNine = ((v + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L;
        return highNibble | aboveNine;
    }

    /**
     * The value of eight digits 0..9, one per byte, loaded little-endian (the first digit in the
     * lowest byte): adjacent digits are combined into pairs, pairs into fours and fours into the
     * eight-digit number, each step one multiplication on all lanes at once (no lane overflows).
     */
    private static long eightDigits(long t) {
        t = (t * 10 + (t >>> 8)) & 0x00FF00FF00FF00FFL;
        t = (t * 100 + (t >>> 16)) & 0x0000FFFF0000FFFFL;
        return (t * 10000 + (t >>> 32)) & 0xFFFFFFFFL;
    }

    /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is Java 18+). */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}

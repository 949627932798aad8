package org.exotrace.nta.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte parser must give bit for bit the double of {@link Double#parseDouble}, or NaN to send
 * the field to the reader's general path; and it must decide the numbers trackpy, pandas and
 * {@link TrajectoryWriter} actually write, or the reader is not fast.
 */
class DecimalParserTest {

    private static double parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        // Parse from the middle of a larger array, as the reader does.
        byte[] padded = new byte[bytes.length + 6];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        padded[0] = '9';
        padded[1] = '9';
        padded[2] = ',';
        padded[padded.length - 3] = ',';
        padded[padded.length - 2] = '7';
        padded[padded.length - 1] = '\n';
        return DecimalParser.parse(padded, 3, 3 + bytes.length);
    }

    /** Either NaN (undecided) or exactly parseDouble's double, sign of zero included. */
    private static void assertAgrees(String text) {
        double parsed = parse(text);
        if (Double.isNaN(parsed)) return;
        assertThat(Double.doubleToRawLongBits(parsed)).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    /** Decided, and exactly parseDouble's double. */
    private static void assertDecides(String text) {
        double parsed = parse(text);
        assertThat(parsed).as(text).isNotNaN();
        assertThat(Double.doubleToRawLongBits(parsed)).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Test
    void decidesOrdinaryDecimalsExactlyAsParseDouble() {
        String[] values = {"0", "-0", "+0", "0.0", "-0.0", "1", "-1", "+2.5", "7.", ".5", "-.5", "+.5", "000.5", "0.1", "0.2", "0.3",
            "0.30000000000000004", "123456789.123456789", "268.93721498503646", "87.94091952987944", "575.1286147395939",
            "1e-7", "1E-7", "1.5E3", "1.5e+3", "2.5e-3", "-4.2E-10", "9.999999999999999e22", "1e22", "1e23", "1.7976931348623157E308",
            "2.2250738585072014E-308", "4.9406564584124654e-300", "9007199254740992", "9007199254740991", "9007199254740994",
            "18446744073709551615", "9999999999999999999", "1234567890123456789", "0.000123", "1e0", "5e-324e", "12.0",
            "3.141592653589793", "2.718281828459045", "0.1e1", "100000000000000000000e-20", "0.0000000000000000001",
            "1.00000000000000011102230246251565404236316680908203125"};
        for (String v : values) assertAgrees(v);
        for (String v : new String[] {"0", "-0.0", "+2.5", "7.", ".5", "-.5", "268.93721498503646", "1e-7", "1.5E3",
            "1.7976931348623157E308", "2.2250738585072014E-308", "9007199254740994", "9999999999999999999", "12.0",
            "3.1202371069234365E15", "3120237106923436.5", "-1.0100522365852575E14", "0.5e-20"}) {
            assertDecides(v);
        }
    }

    @Test
    void leavesEverythingElseToTheGeneralPath() {
        String[] others = {"", "-", "+", ".", "-.", "e5", ".e5", "1e", "1e+", "1e-", "1.5.2", "1..5", "--1", "+-1", "1-", "nan", "NaN",
            "-nan", "inf", "-inf", "Infinity", "-Infinity", "0x1p3", "2.5d", "2.5f", "1,5", "1 5", " 1", "1 ", "1e99999",
            "12345678901234567890", "1.2345678901234567890", "1e400", "1e-400", "4.9e-324", "1_000", "١٢"};
        for (String v : others) {
            assertThat(parse(v)).as("'%s'", v).isNaN();
        }
    }

    @Test
    void shortestRepresentationsOfRandomDoublesRoundTrip() {
        SplittableRandom random = new SplittableRandom(1);
        int undecided = 0;
        for (int i = 0; i < 300_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextDouble() * 1000;
                case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL) * (random.nextBoolean() ? 1 : -1);
                case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(-30, 30));
                default -> (random.nextDouble() * 512) / 0.166;
            };
            if (d != 0 && Math.abs(d) < Double.MIN_NORMAL * 1e3) continue;
            String text = Double.toString(d);
            double parsed = parse(text);
            if (Double.isNaN(parsed)) {
                undecided++;
                continue;
            }
            assertThat(parsed).as(text).isEqualTo(d);
        }
        assertThat(undecided).as("shortest representations left to Double.parseDouble").isLessThan(10);
    }

    @Test
    void randomDigitStringsAgreeWithParseDoubleBitForBit() {
        SplittableRandom random = new SplittableRandom(2);
        int decided = 0;
        int total = 400_000;
        for (int i = 0; i < total; i++) {
            StringBuilder s = new StringBuilder();
            if (random.nextInt(3) == 0) s.append(random.nextBoolean() ? '-' : '+');
            int digits = 1 + random.nextInt(21);
            int point = random.nextInt(digits + 2) - 1;
            for (int k = 0; k < digits; k++) {
                if (k == point) s.append('.');
                s.append((char) ('0' + (k == 0 && random.nextInt(4) > 0 ? 1 + random.nextInt(9) : random.nextInt(10))));
            }
            if (point == digits) s.append('.');
            if (random.nextInt(3) == 0) {
                s.append(random.nextBoolean() ? 'e' : 'E');
                int r = random.nextInt(3);
                if (r == 1) s.append('-');
                if (r == 2) s.append('+');
                s.append(random.nextInt(0, 330));
            }
            String text = s.toString();
            double parsed = parse(text);
            if (Double.isNaN(parsed)) continue;
            decided++;
            assertThat(Double.doubleToRawLongBits(parsed)).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
        assertThat(decided).isGreaterThan(total / 2);
    }

    @Test
    void theWideProductPathRoundsLikeParseDoubleEvenForSmallMantissas() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 300_000; i++) {
            long w = switch (i % 3) {
                case 0 -> 1 + random.nextLong(1L << 53);
                case 1 -> random.nextLong() | 1; // any 64-bit pattern, read as unsigned
                default -> 1 + random.nextLong(1000);
            };
            int q = random.nextInt(-340, 300);
            double parsed = DecimalParser.eiselLemire(w, q);
            if (Double.isNaN(parsed)) continue;
            String text = new BigDecimal(Long.toUnsignedString(w)).scaleByPowerOfTen(q).toString();
            assertThat(parsed).as("%s × 10^%d", Long.toUnsignedString(w), q).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void exactlyRepresentableDecimalsNextToARoundingBoundaryAreDecided() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 100_000; i++) {
            int n = 1 + random.nextInt(12);
            long m = 1 + random.nextLong(1L << (20 + random.nextInt(33)));
            BigDecimal exact = new BigDecimal(m).divide(BigDecimal.valueOf(2).pow(n));
            String text = exact.toPlainString();
            if (exact.unscaledValue().toString().length() > 19) continue;
            double parsed = parse(text);
            assertThat(parsed).as(text).isEqualTo(Math.scalb((double) m, -n));
        }
    }

    @Test
    void exactTiesAreLeftToParseDouble() {
        // 2^53 + 1 and 2^53 + 3 lie exactly halfway between two doubles.
        assertThat(DecimalParser.eiselLemire(9007199254740993L, 0)).isNaN();
        assertThat(DecimalParser.eiselLemire(9007199254740995L, 0)).isNaN();
        assertThat(parse("9007199254740993")).isNaN();
        // Just above the tie: decided, and rounded up.
        assertDecides("9007199254740993.1");
        assertThat(parse("9007199254740993.1")).isEqualTo(9007199254740994.0);
    }
}

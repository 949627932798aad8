package org.exotrace.donor;

import org.exotrace.shared.DomainProblem;

/**
 * A pseudonymous donor code shaped like an ISBT 128 Donation Identification Number: facility
 * identification (one letter and four digits), year (two digits), sequence (six digits), and a
 * check character computed with ISO/IEC 7064 MOD 37-2 over the thirteen characters. It carries no
 * name, social security or medical record number (21 CFR 1271.290).
 */
public record DonorCode(String value) {

    private static final String CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("[A-Z][0-9]{4}[0-9]{2}[0-9]{6}[0-9A-Z*]");

    public DonorCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw DomainProblem.invalid("code", "a donor code is 13 characters (facility A9999, year 99, sequence 999999) and a check character");
        }
        if (checkCharacter(value.substring(0, 13)) != value.charAt(13)) {
            throw DomainProblem.invalid("code", "the check character of '" + value + "' is wrong: the code is mistyped");
        }
    }

    /** Parses a code typed with or without spaces, e.g. {@code X0001 26 000123 7}. */
    public static DonorCode of(String text) {
        return new DonorCode(text == null ? null : text.replace(" ", "").toUpperCase());
    }

    public static DonorCode issue(String facility, int year, long sequence) {
        if (facility == null || !facility.matches("[A-Z][0-9]{4}")) {
            throw new IllegalArgumentException("facility code must be one letter and four digits, e.g. X0001: " + facility);
        }
        if (sequence < 1 || sequence > 999_999) throw new IllegalArgumentException("sequence out of range: " + sequence);
        String body = facility + String.format("%02d%06d", year % 100, sequence);
        return new DonorCode(body + checkCharacter(body));
    }

    /** ISO/IEC 7064 MOD 37-2, pure system: p = ((p + v) * 2) mod 37 over the characters, check = (38 - p) mod 37. */
    static char checkCharacter(String body) {
        int p = 0;
        for (int i = 0; i < body.length(); i++) {
            int v = CHARSET.indexOf(body.charAt(i));
            if (v < 0 || v > 35) throw new IllegalArgumentException("not an ISBT 128 character: " + body.charAt(i));
            p = ((p + v) * 2) % 37;
        }
        return CHARSET.charAt((38 - p) % 37);
    }

    /** Grouped for reading aloud and labels: facility, year, sequence, check. */
    public String display() {
        return value.substring(0, 5) + " " + value.substring(5, 7) + " " + value.substring(7, 13) + " " + value.charAt(13);
    }

    @Override
    public String toString() { return value; }
}

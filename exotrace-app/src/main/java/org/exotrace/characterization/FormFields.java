package org.exotrace.characterization;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reads typed fields (form fields or multipart parts) into values, putting each mistake as a field message into {@code errors}. */
record FormFields(Map<String, String> errors) {

    /** A finite number (a decimal comma is read as a point); null when blank or wrong, with "required" when it must be given. */
    Double number(String field, String text, boolean required) {
        if (blank(text)) {
            if (required) errors.put(field, "required");
            return null;
        }
        try {
            double v = Double.parseDouble(text.strip().replace(',', '.'));
            if (!Double.isFinite(v)) {
                errors.put(field, "must be a finite number");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.put(field, "'" + text + "' is not a number");
            return null;
        }
    }

    /** A whole number, {@code otherwise} when blank. */
    Integer integer(String field, String text, int otherwise) {
        if (blank(text)) return otherwise;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "'" + text + "' is not a whole number");
            return null;
        }
    }

    /** A required ISO date. */
    LocalDate date(String field, String text) {
        if (blank(text)) {
            errors.put(field, "required");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + text + "' is not a date such as 2026-11-03");
            return null;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

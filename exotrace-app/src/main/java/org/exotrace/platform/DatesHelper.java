package org.exotrace.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times in the page's language: templates write {@code ${@dates.date(lot.expiresOn())}}
 * and {@code ${@dates.dateTime(entry.recordedAt())}}. The patterns are text of the bundles
 * ({@code common.format.date}, {@code common.format.dateTime}): English keeps the lab's ISO dates
 * (2026-12-07, 2026-12-07 13:05:09 UTC), Traditional Chinese writes 2026年12月7日. Times are in UTC,
 * as the audit trail records them; null reads as "".
 */
@Component("dates")
public class DatesHelper {

    private final MessageSource messages;

    DatesHelper(MessageSource messages) {
        this.messages = messages;
    }

    /** A calendar date. */
    public String date(LocalDate date) {
        return date == null ? "" : format("common.format.date", date);
    }

    /** A moment, to the second, in UTC with the zone named. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : format("common.format.dateTime", instant.atZone(ZoneOffset.UTC));
    }

    /** A moment, to the minute, in UTC with the zone named. */
    public String dateTimeMinutes(Instant instant) {
        return instant == null ? "" : format("common.format.dateTimeMinutes", instant.atZone(ZoneOffset.UTC));
    }

    /** A moment in the given zone, to the second, with the zone named. */
    public String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : format("common.format.dateTimeZoned", instant.atZone(zone));
    }

    private String format(String patternKey, TemporalAccessor value) {
        Locale locale = LocaleContextHolder.getLocale();
        String pattern = messages.getMessage(patternKey, null, locale);
        return DateTimeFormatter.ofPattern(pattern, locale).format(value);
    }
}

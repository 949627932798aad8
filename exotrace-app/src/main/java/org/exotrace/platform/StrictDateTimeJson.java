package org.exotrace.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Dates and moments in JSON are text in ISO 8601, nothing else. Jackson's own readers take a bare
 * number as seconds or days since 1970 (a result "performed at" 1733000000 was stored as
 * 2024-11-30) and report a malformed date in the parser's words ("could not be parsed at index
 * 0"). These readers refuse both the same way, so {@link ApiProblemHandler} names the field and
 * the form it takes.
 */
@Configuration(proxyBeanMethods = false)
class StrictDateTimeJson {

    @Bean
    SimpleModule strictDateTimeModule() {
        SimpleModule module = new SimpleModule("exotrace-strict-date-time");
        module.addDeserializer(LocalDate.class, new Reader<>(LocalDate.class) {
            @Override
            LocalDate parse(String text) {
                return LocalDate.parse(text);
            }
        });
        module.addDeserializer(Instant.class, new Reader<>(Instant.class) {
            @Override
            Instant parse(String text) {
                return OffsetDateTime.parse(text).toInstant();
            }
        });
        return module;
    }

    /** Reads a JSON string with {@link #parse}; any other token, or text that does not parse, is a mismatch for the field. */
    private abstract static class Reader<T> extends ValueDeserializer<T> {

        private final Class<T> type;

        Reader(Class<T> type) {
            this.type = type;
        }

        abstract T parse(String text);

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(type, p);
            }
            String text = p.getString().trim();
            if (text.isEmpty()) return null;
            try {
                return parse(text);
            } catch (DateTimeParseException e) {
                return (T) ctxt.handleWeirdStringValue(type, text, "not in ISO 8601 form");
            }
        }
    }
}

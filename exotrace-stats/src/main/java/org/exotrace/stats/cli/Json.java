package org.exotrace.stats.cli;

import java.io.Writer;
import java.util.List;
import org.exotrace.stats.Interval;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/** A JSON writer for command output: one compact object, numbers as plain doubles, NaN as null. */
final class Json implements AutoCloseable {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private final JsonGenerator g;

    Json(Writer out) {
        this.g = FACTORY.createGenerator(out);
    }

    Json begin() {
        g.writeStartObject();
        return this;
    }

    Json end() {
        g.writeEndObject();
        return this;
    }

    Json field(String name, double v) {
        if (Double.isFinite(v)) g.writeNumberProperty(name, v);
        else g.writeNullProperty(name);
        return this;
    }

    Json field(String name, long v) {
        g.writeNumberProperty(name, v);
        return this;
    }

    Json field(String name, String v) {
        if (v == null) g.writeNullProperty(name);
        else g.writeStringProperty(name, v);
        return this;
    }

    Json nullField(String name) {
        g.writeNullProperty(name);
        return this;
    }

    /** An interval as [lower, upper]. */
    Json interval(String name, Interval i) {
        g.writeName(name);
        g.writeStartArray();
        number(i.lower());
        number(i.upper());
        g.writeEndArray();
        return this;
    }

    Json strings(String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        for (String v : values) g.writeString(v);
        g.writeEndArray();
        return this;
    }

    private void number(double v) {
        if (Double.isFinite(v)) g.writeNumber(v);
        else g.writeNull();
    }

    @Override
    public void close() {
        g.close();
    }
}

package org.exotrace.nta.cli;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/** A JSON writer for command output: one compact object, numbers as plain doubles. */
final class Json implements AutoCloseable {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private final JsonGenerator g;

    Json(Writer out) {
        this.g = FACTORY.createGenerator(out);
    }

    Json begin() { g.writeStartObject(); return this; }

    Json end() { g.writeEndObject(); return this; }

    Json object(String name) { g.writeName(name); g.writeStartObject(); return this; }

    Json array(String name) { g.writeName(name); g.writeStartArray(); return this; }

    Json endArray() { g.writeEndArray(); return this; }

    Json beginElement() { g.writeStartObject(); return this; }

    Json value(double v) { g.writeNumber(v); return this; }

    Json stringValue(String v) { g.writeString(v); return this; }

    Json field(String name, double v) {
        if (Double.isFinite(v)) g.writeNumberProperty(name, v);
        else g.writeNullProperty(name);
        return this;
    }

    Json field(String name, long v) { g.writeNumberProperty(name, v); return this; }

    Json field(String name, String v) {
        if (v == null) g.writeNullProperty(name);
        else g.writeStringProperty(name, v);
        return this;
    }

    Json field(String name, boolean v) { g.writeBooleanProperty(name, v); return this; }

    @Override
    public void close() {
        g.close();
    }
}

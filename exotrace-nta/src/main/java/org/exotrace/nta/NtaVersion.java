package org.exotrace.nta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The library's name and version, as stored with every analysis so that a result can be traced
 * to the code that produced it and re-run with the same version.
 */
public final class NtaVersion {

    /** For example {@code exotrace-nta 0.1.0}. */
    public static final String NAME = "exotrace-nta " + read();

    private NtaVersion() {}

    private static String read() {
        try (InputStream in = NtaVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("@") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

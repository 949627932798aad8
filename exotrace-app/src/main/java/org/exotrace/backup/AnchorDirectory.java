package org.exotrace.backup;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/** Where the audit anchor lives ({@code exotrace.audit.anchor-dir}, environment {@code EXOTRACE_ANCHOR_DIR}, default {@code ./anchor}). */
public final class AnchorDirectory {

    private AnchorDirectory() {
    }

    public static Path of(Environment environment) {
        String configured = environment.getProperty("exotrace.audit.anchor-dir", environment.getProperty("EXOTRACE_ANCHOR_DIR", "anchor"));
        return Path.of(configured).toAbsolutePath().normalize();
    }
}

package org.exotrace.nta.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base for tests on the real instrument exports in the shared data folder, which stays outside
 * the repository. The folder is the system property {@code exotrace.shared.data} (set by the
 * module's surefire configuration to {@code <repo>/../shared/data}), else the environment variable
 * {@code EXOTRACE_SHARED_DATA}; when neither names an existing folder the tests are skipped, not
 * failed.
 */
public abstract class SharedDataTest {

    /** The file at {@code relative} in the shared data folder; skips the test when it is absent. */
    protected static Path sharedFile(String relative) {
        String folder = System.getProperty("exotrace.shared.data");
        if (folder == null || folder.isBlank()) {
            folder = System.getenv("EXOTRACE_SHARED_DATA");
        }
        assumeTrue(folder != null && !folder.isBlank(),
                "shared data folder not configured: set -Dexotrace.shared.data or EXOTRACE_SHARED_DATA to run this test");
        Path file = Path.of(folder).resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared data file " + file + " is absent (folder from exotrace.shared.data or EXOTRACE_SHARED_DATA): skipping");
        return file;
    }
}

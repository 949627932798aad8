package org.exotrace.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks the page a browser test is on with axe-core (the WCAG 2.0/2.1 A and AA rules) and keeps
 * the critical and serious violations. axe-core is fetched by the build into {@code target/} at a
 * pinned version (see the maven-antrun-plugin in the app's pom); the path comes in as the system
 * property {@code exotrace.axe.script}. Without it (no npm when the build ran) the check is skipped
 * with that reason, as the browser tests are without Chromium.
 *
 * <p>axe is evaluated through the DevTools protocol, not as a script tag, so the page's
 * Content-Security-Policy ({@code script-src 'self'}) stays as it is in production.
 */
final class Accessibility {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Set<String> BLOCKING = Set.of("critical", "serious");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axeSource;

    /** One rule broken on one page: the rule, how bad, what it asks for and the elements that break it. */
    record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {
        @Override
        public String toString() {
            return "%s (%s): %s%n      %s%n      %s".formatted(rule, impact, help, String.join("\n      ", targets), helpUrl);
        }
    }

    private Accessibility() {
    }

    /** The critical and serious violations of the page as it is now (after it has settled). */
    static List<Violation> seriousViolations(Page page) {
        inject(page);
        String result = (String) page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
                + ".then(r => JSON.stringify(r.violations))", TAGS);
        List<Violation> found = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(result)) {
                String impact = v.path("impact").asText();
                if (!BLOCKING.contains(impact)) continue;
                List<String> targets = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    targets.add(node.path("target").toString());
                }
                found.add(new Violation(v.path("id").asText(), impact, v.path("help").asText(), v.path("helpUrl").asText(), targets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** A report of the violations, one rule per paragraph, for an assertion message. */
    static String describe(String where, List<Violation> violations) {
        return where + ": " + violations.size() + " rule(s) broken\n    "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n    "));
    }

    private static void inject(Page page) {
        if (Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) return;
        // axe.min.js assigns window.axe itself; as a function body it needs no eval, which the policy forbids
        page.evaluate("() => {\n" + source() + "\n}");
    }

    private static synchronized String source() {
        if (axeSource == null) {
            String configured = System.getProperty("exotrace.axe.script", "");
            Path script = Path.of(configured);
            Assumptions.assumeTrue(!configured.isBlank() && Files.isReadable(script),
                    "Accessibility checks skipped: axe-core is not at '" + configured
                            + "' (the build fetches it with npm at generate-test-resources; is npm installed?)");
            try {
                axeSource = Files.readString(script);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }
}

package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every page of the application, as each role that can see it, passes axe-core's WCAG 2.1 A/AA
 * rules without a critical or serious violation, and at a phone's width (390 px) no page scrolls
 * sideways (a wide table scrolls inside its own box instead).
 *
 * <p>The pages are those of the demo dataset ({@code serve --demo}): signed in as the demo account
 * of a role, the test follows every link of the application from the landing page, breadth first,
 * and checks one page of each kind (a lot's dossier once, not every lot's), so a new page is checked
 * as soon as something links to it. The sign-in and error pages are checked signed out and in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exotrace.first-admin.enabled=false", "exotrace.demo.enabled=true"})
class AccessibilityBrowserTest extends BrowserTest {

    static final String DEMO_PASSWORD = "exotrace-demo";
    static final int PHONE = 390;
    /** Enough for every kind of page a role reaches today; a guard against a crawl that never ends. */
    private static final int MAX_PAGES_PER_ROLE = 120;

    /** Links that are not pages of the application: the API, its documentation, files and downloads. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "^/(api|v3|swagger-ui|webjars|css|js|logout|actuator)(/|\\.|$).*|.*\\.(pdf|csv|json|png|jpg|svg|zip|txt)$|.*/(pdf|csv|fhir|export|download|certificate)(/.*)?$");
    /** A segment with a digit or a capital is an id or a code (the application's own path words are lower case). */
    private static final Pattern ID_SEGMENT = Pattern.compile("[^/]*[\\dA-Z][^/]*");
    /** Kinds of page whose content depends on the record's state: a few of them, not one. */
    private static final Map<String, Integer> SEVERAL = Map.of("/lots/{}", 6, "/patients/{}", 3);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"analyst", "qa", "researcher", "clinician", "compliance", "admin"})
    void everyPageARoleReachesPassesAxeAndFitsAPhone(String demoAccount) {
        login(demoAccount, DEMO_PASSWORD);
        Map<String, List<Accessibility.Violation>> violations = new LinkedHashMap<>();
        Map<String, String> tooWide = new LinkedHashMap<>();
        List<String> visited = crawl(violations, tooWide, startsBeyondLinks(demoAccount));

        report(demoAccount, visited, violations, tooWide);
        assertThat(visited).as("pages reached by " + demoAccount).hasSizeGreaterThan(3);
        assertThat(violations).as(describe(violations)).isEmpty();
        assertThat(tooWide).as("pages wider than a phone (%d px), with their width", PHONE).isEmpty();
    }

    @Test
    void theSignInAndErrorPagesPassAxeSignedOutAndIn() {
        Map<String, List<Accessibility.Violation>> violations = new LinkedHashMap<>();
        Map<String, String> tooWide = new LinkedHashMap<>();
        check("/login", violations, tooWide);
        check("/login?error", violations, tooWide);
        check("/login?logout", violations, tooWide);
        login("analyst", DEMO_PASSWORD);
        check("/no-such-page", violations, tooWide);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        assertThat(violations).as(describe(violations)).isEmpty();
        assertThat(tooWide).isEmpty();
    }

    /** Breadth first from the landing page over the application's own links, one page of each kind. */
    private List<String> crawl(Map<String, List<Accessibility.Violation>> violations, Map<String, String> tooWide, List<String> extra) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        List<String> visited = new ArrayList<>();
        queue.add(path(page.url()));
        queue.addAll(extra);
        while (!queue.isEmpty() && visited.size() < MAX_PAGES_PER_ROLE) {
            String next = queue.poll();
            if (!seen.add(next) || !room(kinds, kind(next))) continue;
            kinds.merge(kind(next), 1, Integer::sum);
            if (!check(next, violations, tooWide)) continue;
            visited.add(next);
            @SuppressWarnings("unchecked")
            List<String> hrefs = (List<String>) page.evaluate("() => [...document.querySelectorAll('a[href]:not([download])')]"
                    + ".map(a => a.href).filter(h => h.startsWith(location.origin))");
            for (String href : hrefs) {
                String link = path(href);
                if (!NOT_A_PAGE.matcher(URI.create(link).getPath()).matches() && room(kinds, kind(link)) && !seen.contains(link)) queue.add(link);
            }
        }
        return visited;
    }

    /** Pages no plain link leads to: the protocol page is linked by a script once a protocol is chosen. */
    private List<String> startsBeyondLinks(String demoAccount) {
        if (!demoAccount.equals("clinician")) return List.of();
        return jdbc.sql("select id from protocol_template order by code limit 1").query(String.class).list().stream()
                .map(id -> "/protocol-templates/" + id).toList();
    }

    /** Opens the page, runs axe at desktop width and measures it at a phone's; false when it is no HTML page. */
    private boolean check(String path, Map<String, List<Accessibility.Violation>> violations, Map<String, String> tooWide) {
        Response response;
        page.setViewportSize(1280, 900);
        try {
            response = page.navigate(path);
        } catch (PlaywrightException download) {
            return false;
        }
        if (response == null || !response.headerValue("content-type").startsWith("text/html")) return false;
        // the panels htmx loads after the page (lineage, release review, ...) are part of it
        page.waitForLoadState(LoadState.NETWORKIDLE);
        List<Accessibility.Violation> found = Accessibility.seriousViolations(page);
        if (!found.isEmpty()) violations.put(path, found);
        page.setViewportSize(PHONE, 844);
        int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
        if (width > PHONE) tooWide.put(path, width + " px, past the edge: " + page.evaluate(WIDEST));
        page.setViewportSize(1280, 900);
        return true;
    }

    /** The outermost elements that reach past the window's right edge, to say where a page is too wide. */
    private static final String WIDEST = """
            () => [...document.body.querySelectorAll('*')]
              .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
              .filter(e => !(e.parentElement && e.parentElement.getBoundingClientRect().right > innerWidth + 1))
              .slice(0, 5)
              .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                   + ' ' + Math.round(e.getBoundingClientRect().right) + ' px')
              .join(', ')""";

    private static boolean room(Map<String, Integer> kinds, String kind) {
        return kinds.getOrDefault(kind, 0) < SEVERAL.getOrDefault(kind, 1);
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The page's kind: its path with every segment that holds a number or an id replaced, without the query. */
    private static String kind(String path) {
        String[] segments = URI.create(path).getPath().split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            if (ID_SEGMENT.matcher(segments[i]).matches() || segments[i - 1].equals("users")) segments[i] = "{}";
        }
        return String.join("/", segments);
    }

    private static String describe(Map<String, List<Accessibility.Violation>> violations) {
        StringBuilder text = new StringBuilder("critical or serious axe-core violations:\n");
        violations.forEach((page, found) -> text.append(Accessibility.describe(page, found)).append('\n'));
        return text.toString();
    }

    /** target/accessibility/{account}.txt: the pages checked and the violations by rule, for a person to read. */
    private static void report(String account, List<String> visited, Map<String, List<Accessibility.Violation>> violations,
            Map<String, String> tooWide) {
        Map<String, Integer> byRule = new TreeMap<>();
        violations.values().forEach(found -> found.forEach(v -> byRule.merge(v.rule() + " (" + v.impact() + ")", v.targets().size(), Integer::sum)));
        StringBuilder text = new StringBuilder("pages checked as " + account + ": " + visited.size() + "\n");
        visited.forEach(p -> text.append("  ").append(p).append('\n'));
        text.append("elements in violation, by rule:\n");
        byRule.forEach((rule, n) -> text.append("  ").append(rule).append(": ").append(n).append('\n'));
        text.append("wider than ").append(PHONE).append(" px:\n");
        tooWide.forEach((p, w) -> text.append("  ").append(p).append(": ").append(w).append('\n'));
        text.append(describe(violations));
        try {
            Path dir = Path.of("target", "accessibility");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(account + ".txt"), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

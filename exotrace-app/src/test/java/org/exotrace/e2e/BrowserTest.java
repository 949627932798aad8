package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Base of the real-browser tests: the whole application on a random port (same embedded database
 * and properties as {@link IntegrationTest}, so every browser test class shares one context), one
 * Playwright and headless Debian Chromium per class, a fresh browser context (cookies, storage) per
 * test. Screenshots of the key steps go to {@code target/screenshots/}; a failing test leaves one too.
 *
 * <p>Playwright's own browser download is disabled in the build, so the tests need the system
 * Chromium at {@code /usr/bin/chromium}; without it they are skipped, not failed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "exotrace.first-admin.enabled=false")
public abstract class BrowserTest extends IntegrationTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @Value("${local.server.port}") private int port;
    @Autowired private ApplicationContext applicationContext;

    protected BrowserContext context;
    protected Page page;
    private String testName;
    private final AtomicInteger step = new AtomicInteger();

    /** Leaves a screenshot of the page as it was when the test failed, before the context is closed. */
    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = (ExtensionContext ctx, Throwable failure) -> {
        if (page != null && !page.isClosed()) {
            try {
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(testName + "-FAILED.png")).setFullPage(true));
            } catch (RuntimeException ignored) {
                // the failure itself matters more than its picture
            }
        }
        throw failure;
    };

    @BeforeAll
    static void launchBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Browser tests skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium); CI installs it.");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        browser = null;
        playwright = null;
    }

    @BeforeEach
    void openContext(TestInfo info) {
        testName = info.getTestClass().map(Class::getSimpleName).orElse("test") + "." + info.getTestMethod().map(m -> m.getName()).orElse("");
        deleteOldScreenshots();
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(1280, 900)
                .setLocale("en-GB")
                .setAcceptDownloads(true));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    /** Pictures of an earlier run (a -FAILED.png in particular) would mislead whoever looks at this one. */
    private void deleteOldScreenshots() {
        try {
            Files.createDirectories(SCREENSHOTS);
            try (var old = Files.newDirectoryStream(SCREENSHOTS, testName + "-*.png")) {
                for (Path file : old) Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) context.close();
    }

    /** The application's address for this test run, e.g. {@code http://localhost:41234}. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Signs in through the login form and waits for the dashboard. */
    protected void login(String username, String password) {
        page.navigate("/login");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("header .who")).hasText(username);
    }

    protected void login(TestUser user) {
        login(user.username(), user.password());
    }

    /** Signs out with the header button and waits for the login page to say so. */
    protected void logout() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("You have signed out");
    }

    /** Follows a link of the top navigation bar. */
    protected void navigate(String module) {
        page.locator("header nav.modules").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(module).setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(module).setLevel(1))).isVisible();
    }

    protected Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    protected Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
    }

    /** The form whose third-level heading is this text, e.g. "Record a consent". */
    protected Locator formHeaded(String heading) {
        return page.locator("form").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading))));
    }

    /** The flash message of the last redirect. */
    protected Locator flash() {
        return page.locator(".flash[role=status]");
    }

    /** Writes target/screenshots/{Class.method}-{nn}-{step}.png of the whole page. */
    protected void screenshot(String stepName) {
        String file = "%s-%02d-%s.png".formatted(testName, step.incrementAndGet(), stepName);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)).setFullPage(true));
    }

    /** Writes the first screen of the page as a phone shows it (390 × 844 px), then returns to the desktop width. */
    protected void screenshotNarrow(String stepName) {
        var size = page.viewportSize();
        page.setViewportSize(390, 844);
        String file = "%s-%02d-%s-390.png".formatted(testName, step.incrementAndGet(), stepName);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(file)));
        page.setViewportSize(size.width, size.height);
    }

    /**
     * Runs work through the Java APIs in one transaction as this user (audit entries and the
     * two-person rule see their name): the quick way to set up what a test does not walk through.
     */
    protected <T> T as(TestUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
                user.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return transaction().execute(tx -> work.get());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Set-up through the Java APIs; use inside {@link #as}. */
    LotFixtures fixtures() {
        return LotFixtures.of(applicationContext);
    }

    /** Opens a lot as a person would: the Lots page, search by code, follow the link. */
    protected void openLot(String lotCode) {
        navigate("Lots");
        page.getByLabel("Search lots").fill(lotCode);
        page.locator("#lot-rows").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(lotCode)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(lotCode);
    }

    protected static Pattern regex(String pattern) {
        return Pattern.compile(pattern);
    }
}

package org.exotrace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exotrace.ClinicScenarios;
import org.exotrace.LotScenarios;
import org.exotrace.LotScenarios.DonorRef;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * What people read is words, not codes: each role walks its main pages (lab lists and the lot page
 * with its evaluation, release panel, lineage and timeline, the units, specifications, worksheet,
 * the clinic's patient, plan and inventory) and no visible text, option of a list or opened
 * section shows an enum code (IN_TESTING, NO_GROWTH), a raw id (a UUID) or a limit typed as
 * "&gt;=" / "&lt;="; and no page is wider than the window at 1280 px or at a phone's 390 px.
 *
 * <p>Allowed on purpose, each for a reader who needs it: a SHA-256 fingerprint after its label
 * ("signed content SHA-256 1e29eb81…", the file of a measurement), which a QA person or an auditor
 * compares; lot, batch, unit, product and donor codes (L-2026-0001, HMSC-EXO-SERUM), which have no
 * underscore and are the names labels and certificates carry; acronyms such as NTA, QA, MISEV; and
 * the printed names of the test accounts, which list their roles ("Test [QA_RELEASER]").
 */
class ReadableValuesBrowserTest extends BrowserTest {

    /** An enum constant's name with at least one underscore, as the code writes it: IN_TESTING, NO_GROWTH, NOT_RECOVERED. */
    private static final Pattern ENUM_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    /**
     * Single-word codes that only a program writes in capitals on these pages. CONFIRMED and UNCERTAIN
     * are not among them: the regulatory rules' seeded notes (a migration, free text from the
     * regulation notes) write them in capitals for emphasis; the rule's confidence itself shows in words.
     */
    private static final Pattern WORD_CODE = Pattern.compile(
            "\\b(?:RELEASED|REJECTED|QUARANTINED|PASS|FAIL|MISSING|POSITIVE|NEGATIVE|CONFORMS|GROWTH|SUCCEEDED|FAILED|QUEUED|RUNNING"
                    + "|TRACKS|NANOSIGHT|EFFECTIVE|SUPERSEDED|INVALIDATED|VALID|NUMERIC|CATEGORICAL|FEMALE|MALE|MILD|MODERATE|SEVERE"
                    + "|RECOVERING|RECOVERED|SCHEDULED|TODAY|OVERDUE|DONE)\\b");
    private static final Pattern UUID = Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    /** A long run of hex digits (a hash or an id) that is not a fingerprint introduced by "SHA-256". */
    private static final Pattern BARE_HASH = Pattern.compile("(?<!SHA-256 )(?<![0-9a-f])[0-9a-f]{12,}(?![0-9a-f])");
    private static final Pattern TYPED_LIMIT = Pattern.compile(">=|<=");

    /** The text a person can read on the page: visible text, every opened section, the options of every list. */
    private static final String VISIBLE_TEXT = """
            () => {
              document.querySelectorAll('details').forEach(d => d.open = true);
              const parts = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                const node = walker.currentNode, el = node.parentElement;
                if (!el || el.closest('script, style, template, noscript')) continue;
                if (!el.closest('select, datalist') && el.getClientRects().length === 0) continue;
                parts.push(node.nodeValue);
              }
              return parts.join(' ').replace(/\\s+/g, ' ');
            }""";

    private final List<String> problems = new ArrayList<>();

    @Test
    void everyMainPageShowsWordsAndSymbolsAndFitsAt1280AndAt390Pixels() throws Exception {
        TestUser admin = user(Role.ADMIN);
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, admin);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinic = clinics.clinic("KR", doctor);
        String patient = clinics.patient(clinic, doctor, "melasma");
        String plan = clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
        DonorRef donor = lots.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String released = lots.lotInTesting(donor);
        lots.allRequiredResultsPassing(released);
        lots.release(released, qa).andExpect(status().isOk());
        List<String> units = clinics.split(released, analyst, 2);
        clinics.shipAndReceive(clinic, analyst, doctor, units.subList(0, 1));
        String inTesting = lots.lotInTesting(donor);
        lots.resultsPassing(inTesting, List.of("sterility", "marker_transmembrane"));

        check("login", "/login");
        login(analyst);
        check("lots", "/lots");
        check("lot-released", "/lots/" + released);
        assertThat(page.locator("#lot-state")).hasText("Released");
        assertThat(page.locator("body")).not().containsText("under signature");
        assertThat(page.locator("body")).containsText("Released by");
        check("lot-in-testing", "/lots/" + inTesting);
        assertThat(page.locator("#evaluation tr[data-test=sterility]")).containsText("No growth");
        assertThat(page.locator("#evaluation tr[data-test=endotoxin]")).containsText("≤ 0.5 EU/mL");
        check("units-of-lot", "/lots/" + released + "/units");
        check("units", "/units");
        check("specification", "/specifications/" + LotScenarios.PRODUCT);
        assertThat(page.locator("body")).containsText("≥ 1.5 × 10⁹ particles/µg");
        check("worksheet", "/results/worksheet");
        check("batches", "/batches");
        check("donors", "/donors");
        check("donor", "/donors/" + donor.id());
        check("screening-panels", "/screening-panels");
        check("nta-calibrations", "/nta/calibrations");
        check("shipments", "/shipments");
        certificateReadsInWords(released);
        logout();

        login(qa);
        check("awaiting-release", "/lots/awaiting-release");
        check("qa-lot", "/lots/" + inTesting);
        check("specification-edit", "/specifications/" + LotScenarios.PRODUCT + "/edit");
        check("investigations", "/investigations");
        check("dashboard", "/dashboard");
        logout();

        login(doctor);
        check("patient", "/patients/" + patient);
        check("plan", "/plans/" + plan);
        assertThat(page.locator("h1 + .subtitle")).containsText("Human MSC exosome serum");
        assertThat(page.locator("h1 + .subtitle")).not().containsText(LotScenarios.PRODUCT);
        check("inventory", "/clinic/" + clinic + "/inventory");
        check("progress", "/patients/" + patient + "/progress");
        check("clinic", "/clinic");
        logout();

        login(user(Role.COMPLIANCE_OFFICER));
        check("regulation", "/compliance");
        logout();

        login(admin);
        check("users", "/admin/users");
        check("clinics", "/admin/clinics");
        logout();

        assertThat(problems).as("codes, raw ids, typed limits or overflow seen by people").isEmpty();
    }

    /** The certificate of analysis as a PDF reader extracts it: results and limits in words and signs, no codes. */
    private void certificateReadsInWords(String lot) throws Exception {
        byte[] pdf = page.request().get("/lots/" + lot + "/certificate.pdf").body();
        java.nio.file.Files.write(SCREENSHOTS.resolve("ReadableValuesBrowserTest-certificate.pdf"), pdf);
        PdfReader reader = new PdfReader(pdf);
        StringBuilder all = new StringBuilder();
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) all.append(extractor.getTextFromPage(p)).append(' ');
        } finally {
            reader.close();
        }
        String text = all.toString().replaceAll("\\s+", " ").replaceAll("Test \\[[A-Z_, ]+\\]", "Test user");
        assertThat(text).contains("No growth", "Negative", "Positive", "≤ 0.5 EU/mL", "Pass", ": released");
        // the exponent is a raised run of smaller digits in the PDF, so its text reads "10 9" or "109"
        assertThat(text).containsPattern("≥ 1\\.5 × 10 ?9 particles/µg").doesNotContain("1.5E9");
        find("certificate", ENUM_CODE, text);
        find("certificate", WORD_CODE, text);
        find("certificate", UUID, text);
        find("certificate", TYPED_LIMIT, text);
    }

    /** Opens the page, waits for its parts to load, and records every code, id, typed limit or overflow at both widths. */
    private void check(String name, String path) {
        page.navigate(path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        // the test accounts' printed names list their roles as codes ("Test [QA_RELEASER]", IntegrationTest.user): not the page's doing
        String text = ((String) page.evaluate(VISIBLE_TEXT)).replaceAll("Test \\[[A-Z_, ]+\\]", "Test user");
        find(name, ENUM_CODE, text);
        find(name, WORD_CODE, text);
        find(name, UUID, text);
        find(name, BARE_HASH, text);
        find(name, TYPED_LIMIT, text);
        fits(name, 1280);
        screenshot(name);
        page.setViewportSize(390, 844);
        fits(name, 390);
        screenshotNarrow(name);
        page.setViewportSize(1280, 900);
    }

    private void find(String name, Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            problems.add(name + ": \"" + m.group() + "\" in …" + text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 40)) + "…");
        }
    }

    private void fits(String name, int width) {
        Object wider = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        int overflow = ((Number) wider).intValue();
        if (overflow > 0) {
            Object culprits = page.evaluate("""
                    () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                      .filter(e => !e.closest('.table-wrap, pre'))
                      .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className.split(' ').join('.') : ''))""");
            problems.add(name + " at " + width + " px is " + overflow + " px wider than the window: " + culprits);
        }
    }
}

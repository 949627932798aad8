package org.exotrace.donor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog of coded screening tests and the screening panels. QA adds a panel for a source type
 * in a jurisdiction, adds or removes a required test and changes a test's window, each with a
 * reason; every change is one audit entry with the whole panel before and after. A removed test's
 * row stays on record.
 */
@Service
public class ScreeningPanels {

    /** A new panel as entered; texts so that a wrong value is a field message, not an unreadable body. */
    public record PanelInput(String sourceType, String jurisdiction, String source) {}

    /** A required test as entered: when it must be sampled, and the text it relies on. */
    public record RequiredTestInput(String testCode, Integer daysBefore, Integer daysAfter, String source, Boolean verified) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ScreeningPanels(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Every catalog test with its allowed results, in catalog order. */
    @Transactional(readOnly = true)
    public List<ScreeningTest> catalog() {
        Map<String, List<ScreeningTest.ResultOption>> results = new LinkedHashMap<>();
        jdbc.sql("select * from screening_test_result order by test_code, sort_order").query(rs -> {
            results.computeIfAbsent(rs.getString("test_code"), c -> new ArrayList<>()).add(new ScreeningTest.ResultOption(
                    rs.getString("code"), rs.getString("label"), ScreeningTest.Meaning.valueOf(rs.getString("meaning"))));
        });
        return jdbc.sql("select * from screening_test order by sort_order, code")
                .query((rs, n) -> new ScreeningTest(rs.getString("code"), rs.getString("name"), rs.getString("detects"),
                        ScreeningTest.Kind.valueOf(rs.getString("kind")), results.getOrDefault(rs.getString("code"), List.of()),
                        rs.getString("source")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ScreeningTest> test(String code) {
        return catalog().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** Every panel with the tests in force, by jurisdiction then source type. */
    @Transactional(readOnly = true)
    public List<ScreeningPanel> all() {
        return load(null);
    }

    @Transactional(readOnly = true)
    public ScreeningPanel get(UUID id) {
        return load(id).stream().findFirst().orElseThrow(() -> DomainProblem.notFound("Screening panel", id));
    }

    /**
     * The panel for material of {@code sourceType} collected in {@code country}: the country's own
     * panel, else (for an EU member state) the EU panel; empty when there is none.
     */
    @Transactional(readOnly = true)
    public Optional<ScreeningPanel> applicable(SourceType sourceType, String country) {
        return applicable(all(), sourceType, country);
    }

    /** As {@link #applicable(SourceType, String)}, choosing among panels already loaded. */
    static Optional<ScreeningPanel> applicable(List<ScreeningPanel> panels, SourceType sourceType, String country) {
        if (country == null) return Optional.empty();
        for (String jurisdiction : CollectionJurisdictions.applicable(country)) {
            Optional<ScreeningPanel> p = panels.stream()
                    .filter(x -> x.sourceType() == sourceType && x.jurisdiction().equals(jurisdiction)).findFirst();
            if (p.isPresent()) return p;
        }
        return Optional.empty();
    }

    /** A panel without tests yet, for a human source type in a jurisdiction that has none for it. */
    @Transactional
    public ScreeningPanel create(PanelInput in) {
        Map<String, String> errors = new LinkedHashMap<>();
        SourceType sourceType = humanSourceType(in.sourceType(), errors);
        String jurisdiction = CollectionJurisdictions.panelJurisdiction(in.jurisdiction()).orElse(null);
        if (jurisdiction == null) errors.put("jurisdiction", "use EU or a country code (ISO 3166-1 alpha-2, e.g. US, KR, DE)");
        Texts.check(errors, "source", in.source(), 1000, true);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid screening panel", errors);
        boolean exists = jdbc.sql("select count(*) from screening_panel where source_type = ? and jurisdiction = ?")
                .params(sourceType.name(), jurisdiction).query(Long.class).single() > 0;
        if (exists) {
            throw DomainProblem.conflict("There is already a screening panel for " + sourceType.label() + " in "
                    + CollectionJurisdictions.name(jurisdiction) + ": change that one.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into screening_panel (id, source_type, jurisdiction, source, version, changed_by) values (?, ?, ?, ?, 1, ?)")
                .params(id, sourceType.name(), jurisdiction, in.source().strip(), Actors.current()).update();
        ScreeningPanel panel = get(id);
        events.publishEvent(RecordChanged.created("screening_panel", id, snapshot(panel)));
        return panel;
    }

    @Transactional
    public ScreeningPanel addTest(UUID panelId, RequiredTestInput in, String reason) {
        ScreeningPanel before = get(panelId);
        Map<String, String> errors = new LinkedHashMap<>();
        ScreeningTest test = null;
        if (in.testCode() == null || in.testCode().isBlank()) {
            errors.put("testCode", "choose a test of the catalog");
        } else {
            test = test(in.testCode().strip().toUpperCase(Locale.ROOT)).orElse(null);
            if (test == null) errors.put("testCode", "'" + in.testCode() + "' is not in the catalog; use one of " + catalogCodes());
            else if (before.test(test.code()).isPresent()) errors.put("testCode", test.name() + " is already required by this panel");
        }
        ScreeningWindow window = window(in, errors);
        Texts.check(errors, "source", in.source(), 1000, true);
        Texts.check(errors, "reason", reason, 1000, true);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid required test", errors);
        jdbc.sql("""
                insert into screening_panel_test (id, panel_id, test_code, days_before, days_after, source, verified, added_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), panelId, test.code(), window.daysBefore(), window.daysAfter(), in.source().strip(),
                        Boolean.TRUE.equals(in.verified()), Actors.current())
                .update();
        return changed(before, "ADD_TEST", reason);
    }

    /** Changes the window, source or verification of a required test; the test itself stays. */
    @Transactional
    public ScreeningPanel changeTest(UUID panelId, String testCode, RequiredTestInput in, String reason) {
        ScreeningPanel before = get(panelId);
        ScreeningPanel.RequiredTest required = required(before, testCode);
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.testCode() != null && !in.testCode().isBlank() && !in.testCode().strip().equalsIgnoreCase(required.test().code())) {
            errors.put("testCode", "this changes " + required.test().name() + "; to require another test, add it and remove this one");
        }
        ScreeningWindow window = window(in, errors);
        Texts.check(errors, "source", in.source(), 1000, true);
        Texts.check(errors, "reason", reason, 1000, true);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid required test", errors);
        jdbc.sql("update screening_panel_test set days_before = ?, days_after = ?, source = ?, verified = ? where id = ?")
                .params(window.daysBefore(), window.daysAfter(), in.source().strip(), Boolean.TRUE.equals(in.verified()), required.id())
                .update();
        return changed(before, "CHANGE_TEST", reason);
    }

    /** Stops requiring a test; the row stays with who removed it, when and why. */
    @Transactional
    public ScreeningPanel removeTest(UUID panelId, String testCode, String reason) {
        ScreeningPanel before = get(panelId);
        ScreeningPanel.RequiredTest required = required(before, testCode);
        Texts.check("reason", reason, 1000, true);
        jdbc.sql("update screening_panel_test set removed_by = ?, removed_at = now(), removed_reason = ? where id = ?")
                .params(Actors.current(), reason.strip(), required.id()).update();
        return changed(before, "REMOVE_TEST", reason);
    }

    private ScreeningPanel changed(ScreeningPanel before, String action, String reason) {
        jdbc.sql("update screening_panel set version = version + 1, changed_by = ?, changed_at = now() where id = ?")
                .params(Actors.current(), before.id()).update();
        ScreeningPanel after = get(before.id());
        events.publishEvent(RecordChanged.changed("screening_panel", before.id(), action, snapshot(before), snapshot(after), reason.strip()));
        return after;
    }

    private static ScreeningPanel.RequiredTest required(ScreeningPanel panel, String testCode) {
        String code = testCode == null ? "" : testCode.strip().toUpperCase(Locale.ROOT);
        return panel.test(code).orElseThrow(() -> DomainProblem.notFound("Required test", code + " in the panel for " + panel.title()));
    }

    private static ScreeningWindow window(RequiredTestInput in, Map<String, String> errors) {
        String limit = "a whole number of days from 0 to " + ScreeningWindow.MAX_DAYS;
        if (in.daysBefore() == null) errors.put("daysBefore", "give how many days before collection the sample may be taken (0 for none)");
        else if (in.daysBefore() < 0 || in.daysBefore() > ScreeningWindow.MAX_DAYS) errors.put("daysBefore", limit);
        if (in.daysAfter() == null) errors.put("daysAfter", "give how many days after collection the sample may be taken (0 for none)");
        else if (in.daysAfter() < 0 || in.daysAfter() > ScreeningWindow.MAX_DAYS) errors.put("daysAfter", limit);
        return errors.containsKey("daysBefore") || errors.containsKey("daysAfter") ? null : new ScreeningWindow(in.daysBefore(), in.daysAfter());
    }

    private static SourceType humanSourceType(String value, Map<String, String> errors) {
        List<String> human = Arrays.stream(SourceType.values()).filter(SourceType::isHuman).map(Enum::name).toList();
        try {
            SourceType t = SourceType.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
            if (t.isHuman()) return t;
            errors.put("sourceType", "a " + t.label().toLowerCase(Locale.ROOT) + " source is not screened; use one of " + human);
        } catch (IllegalArgumentException e) {
            errors.put("sourceType", "use one of " + human);
        }
        return null;
    }

    private String catalogCodes() {
        return catalog().stream().map(ScreeningTest::code).toList().toString();
    }

    private List<ScreeningPanel> load(UUID only) {
        Map<String, ScreeningTest> catalog = catalog().stream().collect(Collectors.toMap(ScreeningTest::code, Function.identity()));
        Map<UUID, List<ScreeningPanel.RequiredTest>> tests = new LinkedHashMap<>();
        jdbc.sql("""
                select pt.* from screening_panel_test pt join screening_test t on t.code = pt.test_code
                where pt.removed_at is null and (cast(:only as uuid) is null or pt.panel_id = :only)
                order by t.sort_order, t.code""")
                .param("only", only)
                .query(rs -> {
                    tests.computeIfAbsent(rs.getObject("panel_id", UUID.class), p -> new ArrayList<>()).add(requiredTest(rs, catalog));
                });
        return jdbc.sql("""
                select * from screening_panel where (cast(:only as uuid) is null or id = :only)
                order by case jurisdiction when 'EU' then 0 else 1 end, jurisdiction, source_type""")
                .param("only", only)
                .query((rs, n) -> new ScreeningPanel(rs.getObject("id", UUID.class), SourceType.valueOf(rs.getString("source_type")),
                        rs.getString("jurisdiction"), rs.getString("source"), rs.getInt("version"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant(), tests.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    private static ScreeningPanel.RequiredTest requiredTest(ResultSet rs, Map<String, ScreeningTest> catalog) throws SQLException {
        return new ScreeningPanel.RequiredTest(rs.getObject("id", UUID.class), catalog.get(rs.getString("test_code")),
                new ScreeningWindow(rs.getInt("days_before"), rs.getInt("days_after")), rs.getString("source"), rs.getBoolean("verified"));
    }

    private static Map<String, Object> snapshot(ScreeningPanel p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceType", p.sourceType().name());
        m.put("jurisdiction", p.jurisdiction());
        m.put("source", p.source());
        m.put("version", p.version());
        m.put("tests", p.tests().stream().map(t -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("test", t.test().code());
            e.put("name", t.test().name());
            e.put("daysBefore", t.window().daysBefore());
            e.put("daysAfter", t.window().daysAfter());
            e.put("source", t.source());
            e.put("verified", t.verified());
            return e;
        }).toList());
        return m;
    }
}

package org.exotrace.specification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.product.Products;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Versioned specifications per product: read the effective one, its history, and publish a new version. */
@Service
public class SpecificationCatalog {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Products products;

    SpecificationCatalog(JdbcClient jdbc, ApplicationEventPublisher events, Products products) {
        this.jdbc = jdbc;
        this.events = events;
        this.products = products;
    }

    @Transactional(readOnly = true)
    public Optional<Specification> effective(String productCode) {
        return jdbc.sql("select * from specification where product_code = ? and status = 'EFFECTIVE'")
                .param(productCode).query(this::header).optional().map(this::withTests);
    }

    @Transactional(readOnly = true)
    public Specification get(UUID id) {
        return jdbc.sql("select * from specification where id = ?").param(id).query(this::header).optional()
                .map(this::withTests).orElseThrow(() -> DomainProblem.notFound("Specification", id));
    }

    /** Every version of a product's specification, newest first. */
    @Transactional(readOnly = true)
    public List<Specification> versions(String productCode) {
        return jdbc.sql("select * from specification where product_code = ? order by version desc")
                .param(productCode).query(this::header).list().stream().map(this::withTests).toList();
    }

    /** The effective specification of every product that has one, by product code. */
    @Transactional(readOnly = true)
    public List<Specification> allEffective() {
        return jdbc.sql("select * from specification where status = 'EFFECTIVE' order by product_code")
                .query(this::header).list().stream().map(this::withTests).toList();
    }

    /**
     * Publishes a new version: the tests are validated as a whole, the previous version is
     * superseded, and the change is audited with the old and new tests and the reason.
     */
    @Transactional
    public Specification publish(String productCode, List<TestDefinition> tests, String reason) {
        products.get(productCode);
        try {
            Evaluation.of(tests, List.of());
            SpecificationChecks.checkDerivations(tests);
        } catch (InvalidSpecification e) {
            throw DomainProblem.invalid("tests", e.getMessage());
        }
        Optional<Specification> previous = effective(productCode);
        if (previous.isPresent() && (reason == null || reason.isBlank())) {
            throw DomainProblem.invalid("reason", "say why the specification changes");
        }
        if (reason != null && reason.length() > 1000) throw DomainProblem.invalid("reason", "is too long (at most 1000 characters)");
        previous.ifPresent(p -> jdbc.sql("update specification set status = 'SUPERSEDED' where id = ?").param(p.id()).update());
        UUID id = UUID.randomUUID();
        int version = previous.map(p -> p.version() + 1).orElse(1);
        jdbc.sql("insert into specification (id, product_code, version, status, created_by, change_reason) values (?, ?, ?, 'EFFECTIVE', ?, ?)")
                .params(id, productCode, version, Actors.current(), reason == null ? null : reason.strip()).update();
        int position = 0;
        for (TestDefinition t : tests) insertTest(id, position++, t);
        Specification created = get(id);
        if (previous.isEmpty()) {
            events.publishEvent(RecordChanged.created("specification", id, snapshot(created)));
        } else {
            events.publishEvent(RecordChanged.changed("specification", productCode, "NEW_VERSION",
                    snapshot(previous.get()), snapshot(created), reason.strip()));
        }
        return created;
    }

    private void insertTest(UUID specId, int position, TestDefinition t) {
        jdbc.sql("""
                insert into specification_test (specification_id, position, code, name, kind, unit, lower_value, lower_inclusive,
                  upper_value, upper_inclusive, warn_lower, warn_upper, allowed_values, accepted_values, required, misev_item, source,
                  derivation, declared_tolerance)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(specId, position, t.code(), t.name(), t.kind().name(), t.unit(),
                        t.lower() == null ? null : t.lower().value(), t.lower() != null && t.lower().inclusive(),
                        t.upper() == null ? null : t.upper().value(), t.upper() != null && t.upper().inclusive(),
                        t.warnLower(), t.warnUpper(), String.join("|", t.allowedValues()), String.join("|", t.acceptedValues()),
                        t.required(), t.misevItem() == null ? null : t.misevItem().name(), t.source(),
                        t.derivation() == null ? null : t.derivation().text(), t.declaredTolerance())
                .update();
    }

    private Specification withTests(Specification header) {
        List<TestDefinition> tests = jdbc.sql("select * from specification_test where specification_id = ? order by position")
                .param(header.id()).query(SpecificationCatalog::test).list();
        return new Specification(header.id(), header.productCode(), header.version(), header.status(), header.effectiveFrom(),
                header.createdBy(), header.changeReason(), tests);
    }

    private Specification header(ResultSet rs, int n) throws SQLException {
        return new Specification(rs.getObject("id", UUID.class), rs.getString("product_code"), rs.getInt("version"),
                Specification.Status.valueOf(rs.getString("status")), rs.getTimestamp("effective_from").toInstant(),
                rs.getString("created_by"), rs.getString("change_reason"), List.of());
    }

    private static TestDefinition test(ResultSet rs, int n) throws SQLException {
        Double lower = (Double) rs.getObject("lower_value");
        Double upper = (Double) rs.getObject("upper_value");
        String misev = rs.getString("misev_item");
        return new TestDefinition(rs.getString("code"), rs.getString("name"), TestKind.valueOf(rs.getString("kind")), rs.getString("unit"),
                lower == null ? null : new Limit(lower, rs.getBoolean("lower_inclusive")),
                upper == null ? null : new Limit(upper, rs.getBoolean("upper_inclusive")),
                (Double) rs.getObject("warn_lower"), (Double) rs.getObject("warn_upper"),
                split(rs.getString("allowed_values")), split(rs.getString("accepted_values")), rs.getBoolean("required"),
                misev == null ? null : MisevItem.valueOf(misev), rs.getString("source"),
                Derivation.parse(rs.getString("derivation")), (Double) rs.getObject("declared_tolerance"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(joined.split("\\|")));
    }

    static Map<String, Object> snapshot(Specification s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", s.productCode());
        m.put("version", s.version());
        m.put("tests", s.tests().stream().map(t -> t.code() + " " + t.limitsText() + (t.required() ? " required" : "")
                + (t.derived() ? " = " + t.derivation().text() : "")
                + (t.declaredTolerance() != null ? " " + t.declaredToleranceText() : "")).toList());
        return m;
    }
}

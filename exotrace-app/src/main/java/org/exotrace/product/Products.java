package org.exotrace.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.SourceType;
import org.exotrace.shared.DomainProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The products the lab makes, seeded by migration. */
@Service
public class Products {

    private final JdbcClient jdbc;
    /** Product names by code, read on first use (see {@link #nameOf}). */
    private volatile Map<String, String> names;

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Product> all() {
        return jdbc.sql("select * from product order by name").query(Products::product).list();
    }

    @Transactional(readOnly = true)
    public Product get(String code) {
        return find(code).orElseThrow(() -> DomainProblem.notFound("Product", code));
    }

    /**
     * The product's name as people read it ("Human MSC exosome serum"); the code itself when no
     * product has it. Templates call it once per row ({@code ${@products.nameOf(code)}}), so the
     * names are read once: products are seeded by migration and the application never changes them.
     */
    public String nameOf(String code) {
        if (code == null) return null;
        Map<String, String> known = names;
        if (known == null) {
            known = all().stream().collect(Collectors.toUnmodifiableMap(Product::code, Product::name));
            names = known;
        }
        String name = known.get(code.strip().toUpperCase());
        return name != null ? name : find(code).map(Product::name).orElse(code);
    }

    @Transactional(readOnly = true)
    public Optional<Product> find(String code) {
        if (code == null) return Optional.empty();
        return jdbc.sql("select * from product where code = ?").param(code.strip().toUpperCase()).query(Products::product).optional();
    }

    private static Product product(ResultSet rs, int n) throws SQLException {
        String scopes = rs.getString("required_consent_scopes");
        return new Product(rs.getString("code"), rs.getString("name"), ProductForm.valueOf(rs.getString("form")),
                IntendedUse.valueOf(rs.getString("intended_use")),
                list(scopes, ConsentScope::valueOf),
                (Double) rs.getObject("ampoule_volume_ml"), (Integer) rs.getObject("shelf_life_months"),
                list(rs.getString("source_types"), SourceType::valueOf));
    }

    /** A comma-separated column of enum names as a set; empty for a blank column. */
    private static <E> java.util.Set<E> list(String names, java.util.function.Function<String, E> parse) {
        return names == null || names.isBlank() ? java.util.Set.of()
                : Arrays.stream(names.split(",")).map(String::strip).map(parse).collect(Collectors.toSet());
    }
}

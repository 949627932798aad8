package org.exotrace.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.exotrace.shared.DomainProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many results entered at once (every test of a lot on one form, or one test across many lots on
 * a worksheet), all or nothing: each goes through {@link Results#record} as if entered alone, so
 * it is judged and flagged the same way; when any is refused, none is recorded and every refusal
 * is answered, keyed by the entry's position ({@code results[2].value}).
 *
 * <p>All or nothing because an analyst copies a whole sheet of a run from the bench: a half-recorded
 * sheet would leave them to find which rows went in, and entering the sheet again would then be
 * refused row by row as duplicates. Retests are not part of a set: each needs its own reason.
 */
@Service
public class ResultSets {

    /** One result of the set and the lot it belongs to. */
    public record LotEntry(UUID lotId, Results.Entry entry) {}

    static final int MAX_ENTRIES = 500;

    private final Results results;
    private final JdbcClient jdbc;

    ResultSets(Results results, JdbcClient jdbc) {
        this.results = results;
        this.jdbc = jdbc;
    }

    /**
     * Records every entry, in order, in one transaction, each with its verdict at entry; or, when
     * any is refused, records nothing and throws one INVALID_INPUT problem whose field messages are
     * keyed {@code results[i].field} ({@code results[i]} for a refusal of the entry as a whole).
     */
    @Transactional
    public List<Result> record(List<LotEntry> entries) {
        if (entries == null || entries.isEmpty()) throw DomainProblem.invalid("results", "enter at least one result");
        if (entries.size() > MAX_ENTRIES) throw DomainProblem.invalid("results", "at most " + MAX_ENTRIES + " results at once");
        Map<String, String> errors = new LinkedHashMap<>();
        List<Result> recorded = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String key = "results[" + i + "]";
            LotEntry e = entries.get(i);
            if (e == null || e.entry() == null) {
                errors.put(key, "empty entry");
                continue;
            }
            if (e.lotId() == null) {
                errors.put(key + ".lotId", "choose the lot");
                continue;
            }
            if (e.entry().retestOf() != null) {
                errors.put(key + ".retestOf", "a retest is recorded on its own on the lot page, with its reason");
                continue;
            }
            if (e.entry().testCode() != null && !seen.add(e.lotId() + "/" + e.entry().testCode().strip())) {
                errors.put(key + ".testCode", "this test is entered twice for the same lot");
                continue;
            }
            try {
                recorded.add(results.record(e.lotId(), e.entry(), null));
            } catch (DomainProblem p) {
                if (p.fieldErrors().isEmpty()) errors.put(key, p.getMessage());
                p.fieldErrors().forEach((field, message) -> errors.put(key + "." + field, message));
            }
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Results refused: nothing was recorded", errors);
        return recorded;
    }

    /** Which of these lots have a valid result of the test. */
    @Transactional(readOnly = true)
    public Set<UUID> lotsWithValidResult(String testCode, Collection<UUID> lotIds) {
        if (lotIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select distinct lot_id from result where test_code = ? and status = 'VALID' and lot_id = any(?)")
                .params(testCode, lotIds.toArray(UUID[]::new)).query(UUID.class).list());
    }
}

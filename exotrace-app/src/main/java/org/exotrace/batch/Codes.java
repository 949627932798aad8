package org.exotrace.batch;

import java.time.Year;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Issues yearly sequential codes: {@code B-2026-0001} for batches, {@code L-2026-0001} for lots. */
@Component
class Codes {

    private final JdbcClient jdbc;

    Codes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(String prefix) {
        int year = Year.now().getValue();
        long sequence = jdbc.sql("""
                insert into batch_code_sequence (kind, year, last) values (?, ?, 1)
                on conflict (kind, year) do update set last = batch_code_sequence.last + 1 returning last""")
                .params(prefix, year).query(Long.class).single();
        return String.format("%s-%d-%04d", prefix, year, sequence);
    }

    static String unit(String lotCode, int number) {
        return String.format("%s-U%03d", lotCode, number);
    }
}

package org.exotrace.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Saved cohorts: a name for a filter, so that an analysis or a plan can be run again on the same definition. */
@Service
public class Cohorts {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Cohorts(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Saves the filter under a name no other cohort has. */
    @Transactional
    public Cohort save(String name, CohortFilter filter) {
        Texts.check("name", name, 120, true);
        String n = name.strip();
        if (jdbc.sql("select count(*) from evidence_cohort where lower(name) = lower(?)").param(n).query(Long.class).single() > 0) {
            throw DomainProblem.invalid("name", "another cohort is already called '" + n + "'");
        }
        UUID id = UUID.randomUUID();
        String json = JSON.writeValueAsString(filter);
        jdbc.sql("insert into evidence_cohort (id, name, filter, created_by) values (?, ?, ?::jsonb, ?)").params(id, n, json, Actors.current()).update();
        events.publishEvent(RecordChanged.created("evidence_cohort", id, Map.of("name", n, "filter", String.join("; ", filter.describe()))));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Cohort get(UUID id) {
        return jdbc.sql("select * from evidence_cohort where id = ?").param(id).query(Cohorts::cohort).optional()
                .orElseThrow(() -> DomainProblem.notFound("Cohort", id));
    }

    @Transactional(readOnly = true)
    public List<Cohort> all() {
        return jdbc.sql("select * from evidence_cohort order by name").query(Cohorts::cohort).list();
    }

    private static Cohort cohort(ResultSet rs, int n) throws SQLException {
        return new Cohort(rs.getObject("id", UUID.class), rs.getString("name"), JSON.readValue(rs.getString("filter"), CohortFilter.class),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}

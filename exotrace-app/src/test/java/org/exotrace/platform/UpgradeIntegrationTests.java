package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.exotrace.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation of the previous release upgrades cleanly: a database built by that release's
 * migrations and filled with the data of its demo (the fixture under {@code upgrade/}) is migrated
 * by the current migrations with Flyway's default validation, keeps every row, and ends with the
 * same schema as a database built from scratch.
 */
class UpgradeIntegrationTests extends IntegrationTest {

    private static final String RELEASE = "upgrade/release-0.1.0-45f13ef";

    /** Rows the migrations since that release add to tables that hold data: the shipped AD-TOPICAL template (clinic/V2026_12_13_0500). */
    private static final Map<String, Long> SEEDED_SINCE_RELEASE = Map.of("protocol_template", 1L);

    @Test
    void aDatabaseOfThePreviousReleaseMigratesCleanlyAndKeepsEveryRow() throws Exception {
        String upgraded = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        String fresh = "fresh_" + UUID.randomUUID().toString().substring(0, 8);
        superuser().sql("create database " + upgraded).update();
        superuser().sql("create database " + fresh).update();
        try {
            DataSource old = superuserDataSource(upgraded);
            Flyway.configure().dataSource(old).locations("classpath:" + RELEASE + "/migration").load().migrate();
            Map<String, Long> loaded = loadFixture(old);
            assertThat(loaded).as("the fixture holds the demo's data").containsKeys("audit_entry", "lot", "treatment_session")
                    .containsEntry("audit_entry", 336L);

            MigrateResult result = Flyway.configure().dataSource(old).locations("classpath:db/migration").load().migrate();
            assertThat(result.success).isTrue();
            Flyway current = Flyway.configure().dataSource(old).locations("classpath:db/migration").load();
            assertThat(current.validateWithResult().validationSuccessful).as("Flyway's validation at the next start").isTrue();
            Migrations.Migration newest = Migrations.on("db/migration").stream().max(Migrations.ORDER).orElseThrow();
            assertThat(current.info().current().getVersion()).isEqualTo(newest.flywayVersion());

            JdbcClient upgradedDb = JdbcClient.create(old);
            loaded.forEach((table, rows) -> assertThat(upgradedDb.sql("select count(*) from " + table).query(Long.class).single())
                    .as("rows of %s after the upgrade", table).isEqualTo(rows + SEEDED_SINCE_RELEASE.getOrDefault(table, 0L)));
            assertThat(upgradedDb.sql("select count(*) from audit_entry a join audit_entry b on b.seq = a.seq + 1 where b.prev_hash <> a.hash")
                    .query(Long.class).single()).as("audit links broken by the upgrade").isZero();

            DataSource scratch = superuserDataSource(fresh);
            Flyway.configure().dataSource(scratch).locations("classpath:db/migration").load().migrate();
            assertThat(schema(JdbcClient.create(old))).as("the upgraded schema").isEqualTo(schema(JdbcClient.create(scratch)));
        } finally {
            superuser().sql("drop database if exists " + upgraded + " with (force)").update();
            superuser().sql("drop database if exists " + fresh + " with (force)").update();
        }
    }

    /** Copies every CSV of the fixture into its table (foreign keys and triggers off, as a restore does) and answers the row counts. */
    private static Map<String, Long> loadFixture(DataSource ds) throws IOException, SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + RELEASE + "/data/*.csv");
        assertThat(files).hasSizeGreaterThan(40);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("set local session_replication_role = replica");
            c.createStatement().execute("create temporary table large_objects (oid oid, content text) on commit drop");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (Resource file : files) {
                String table = file.getFilename().replace(".csv", "");
                String header;
                try (var in = new java.io.BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
                    header = in.readLine();
                }
                // Seeded rows (products, the screening catalog, rules) came with the migrations and are in the fixture too.
                if (!table.equals("large_objects")) c.createStatement().execute("delete from " + table);
                try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    long n = copy.copyIn("copy " + table + " (" + header + ") from stdin (format csv, header true)", in);
                    if (!table.equals("large_objects")) rows.merge(table, n, Long::sum);
                }
            }
            c.createStatement().execute("select lo_from_bytea(oid, decode(content, 'base64')) from large_objects");
            c.commit();
        }
        return rows;
    }

    /** Tables, columns, constraints, indexes and triggers of the public schema, as text to compare. */
    private static List<String> schema(JdbcClient db) {
        return db.sql("""
                select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                  from information_schema.columns where table_schema = 'public' and table_name <> 'flyway_schema_history'
                union all
                select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                  from pg_constraint where connamespace = 'public'::regnamespace
                union all
                select 'index ' || indexdef from pg_indexes where schemaname = 'public' and tablename <> 'flyway_schema_history'
                union all
                select 'trigger ' || tgrelid::regclass::text || ' ' || tgname from pg_trigger where not tgisinternal
                order by 1""").query(String.class).list();
    }
}

package org.exotrace.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.exotrace.ExotraceApplication;
import org.exotrace.audit.AuditTrail;
import org.exotrace.donor.DonorCode;
import org.exotrace.donor.Donors;
import org.exotrace.donor.Eligibility;
import org.exotrace.donor.SourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code demo --scale N} at N = 200, in a database of its own (a second embedded server in a fresh
 * data directory, so the shared test database keeps its isolation): the counts and shares asked
 * for, lineage for every derivative and pool, shipments and sessions that fit together, codes the
 * application accepts, eligible donors, an intact audit chain, and a refusal once a person's data
 * is in the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleNetworkIntegrationTests {

    private static final Path DATA = Path.of("target", "scale-db-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    private static ConfigurableApplicationContext context;
    private static JdbcClient jdbc;
    private static ScaleNetwork.Seeded seeded;
    private static final List<String> PROGRESS = new ArrayList<>();

    @BeforeAll
    static void seedTwoHundredLots() {
        context = new SpringApplicationBuilder(ExotraceApplication.class).web(WebApplicationType.NONE)
                .run("--exotrace.data-dir=" + DATA, "--exotrace.audit.anchor-dir=" + DATA + "-anchor", "--exotrace.db.fsync=off",
                        "--exotrace.first-admin.enabled=false", "--exotrace.demo.enabled=false", "--spring.main.banner-mode=off");
        jdbc = context.getBean(JdbcClient.class);
        seeded = context.getBean(ScaleNetwork.class).seed(ScaleNetwork.Settings.parse(new String[] {"--scale", "200", "--seed", "7"}), PROGRESS::add);
    }

    @AfterAll
    static void stop() {
        if (context != null) context.close();
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void seedsTheCountsAndSharesAskedFor() {
        assertThat(count("select count(*) from lot")).isEqualTo(200);
        assertThat(count("select count(*) from lot_unit")).isEqualTo(2_000);
        assertThat(count("select count(*) from donor")).isEqualTo(20);
        assertThat(count("select count(*) from clinic")).isEqualTo(20);
        assertThat(count("select count(*) from lot where kind = 'PRIMARY'")).isBetween(120L, 160L);
        assertThat(count("select count(*) from lot where kind = 'DERIVATIVE'")).isBetween(20L, 60L);
        assertThat(count("select count(*) from lot where kind = 'POOL'")).isBetween(8L, 35L);
        assertThat(count("select count(*) from lot where state = 'RELEASED'")).isGreaterThan(140);
        assertThat(count("select count(distinct state) from lot")).as("released, rejected, quarantined and in testing").isEqualTo(4);
        assertThat(count("select count(*) from shipment_unit")).isPositive();
        assertThat(count("select count(*) from patient")).isPositive();
        assertThat(count("select count(*) from treatment_session")).isPositive();
        assertThat(seeded.rows()).containsEntry("lot", 200L).containsEntry("lot_unit", 2_000L);
        assertThat(PROGRESS).anyMatch(line -> line.startsWith("scale: lots 1 to 200 of 200:"));
    }

    @Test
    void everyDerivativeHasOneEarlierParentAndEveryPoolTwoToFour() {
        assertThat(count("""
                select count(*) from lot l where l.kind <> 'PRIMARY' and (select count(*) from lot_parent p where p.lot_id = l.id)
                  not between (case l.kind when 'DERIVATIVE' then 1 else 2 end) and (case l.kind when 'DERIVATIVE' then 1 else 4 end)""")).isZero();
        assertThat(count("select count(*) from lot_parent p join lot c on c.id = p.lot_id join lot a on a.id = p.parent_lot_id "
                + "where a.manufactured_on > c.manufactured_on")).as("parents made after their child").isZero();
        assertThat(count("select count(*) from lot l join batch b on b.id = l.batch_id where b.started_on > l.manufactured_on"))
                .as("lots made before their batch started").isZero();
        assertThat(count("select count(*) from batch b join donor d on d.id = b.donor_id where d.collected_on > b.started_on"))
                .as("batches started before the donor's collection").isZero();
    }

    @Test
    void everyShippedUnitIsAReleasedLotsUnitAndEverySessionsUnitReachedItsClinicBeforeTheSession() {
        assertThat(count("""
                select count(*) from shipment_unit su left join lot_unit u on u.id = su.unit_id and u.lot_id = su.lot_id
                  and u.code = su.unit_code left join lot l on l.id = u.lot_id
                where l.id is null or l.state <> 'RELEASED' or u.destroyed_on is not null""")).isZero();
        assertThat(count("""
                select count(*) from treatment_session t
                left join shipment_unit su on su.unit_id = t.unit_id
                left join shipment s on s.id = su.shipment_id
                where s.id is null or s.clinic_id <> t.clinic_id or s.received_on is null or s.received_on > t.performed_on
                   or t.performed_on > current_date""")).isZero();
        assertThat(count("""
                select count(*) from treatment_session t join patient p on p.id = t.patient_id join treatment_plan pl on pl.id = t.plan_id
                where p.clinic_id <> t.clinic_id or pl.patient_id <> t.patient_id or pl.start_on > t.performed_on""")).isZero();
        assertThat(count("select count(*) from treatment_session t join lot l on l.id = t.lot_id where t.performed_on > l.expires_on")).isZero();
    }

    @Test
    void donorsCarryValidCodesAndAreEligible() {
        Donors donors = context.getBean(Donors.class);
        List<UUID> ids = jdbc.sql("select id from donor").query(UUID.class).list();
        jdbc.sql("select code from donor").query(String.class).list().forEach(DonorCode::of);
        assertThat(ids).hasSize(20).allSatisfy(id -> assertThat(donors.eligibility(id)).isEqualTo(Eligibility.ELIGIBLE));
    }

    @Test
    void theAuditChainHoldsOneHonestEntryPerTransactionAndVerifies() {
        assertThat(context.getBean(AuditTrail.class).verify().intact()).isTrue();
        assertThat(jdbc.sql("select reason from audit_entry where record_type = 'scale-seed' order by seq").query(String.class).list())
                .hasSize(4).allMatch(r -> r.startsWith("bulk seeded ") && r.contains("for a scale benchmark"));
    }

    /** Last: it adds a person's donor and a second run. */
    @Test
    @Order(Integer.MAX_VALUE)
    void refusesToSeedOverAPersonsDataUnlessForced() {
        long lots = count("select count(*) from lot");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of()));
        try {
            new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(s -> context.getBean(Donors.class)
                    .register(new Donors.Registration(SourceType.ADIPOSE_MSC, "A real donor", null, LocalDate.now(), null)));
        } finally {
            SecurityContextHolder.clearContext();
        }
        ScaleNetwork scale = context.getBean(ScaleNetwork.class);
        assertThatThrownBy(() -> scale.seed(ScaleNetwork.Settings.parse(new String[] {"--scale", "10"}), line -> { }))
                .isInstanceOf(ScaleNetwork.Refused.class).hasMessageContaining("1 donors, batches, lots, clinics or patients")
                .hasMessageContaining("--force");
        assertThat(count("select count(*) from lot")).isEqualTo(lots);

        ScaleNetwork.Seeded second = scale.seed(ScaleNetwork.Settings.parse(new String[] {"--scale", "10", "--force"}), line -> { });
        assertThat(second.run()).isEqualTo(2);
        assertThat(count("select count(*) from lot")).isEqualTo(lots + 10);
        assertThat(context.getBean(AuditTrail.class).verify().intact()).isTrue();
    }
}

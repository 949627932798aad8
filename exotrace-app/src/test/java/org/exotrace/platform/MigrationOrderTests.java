package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.exotrace.platform.Migrations.Migration;
import org.junit.jupiter.api.Test;

class MigrationOrderTests {

    private static final List<Migration> RELEASED = List.of(
            Migration.of("V1_1__account.sql", "create table account ();"),
            Migration.of("V9_11__worklist_index.sql", "create index w on x (y);"),
            Migration.of("V10_90__cause.sql", "alter table r add column c text;"));

    @Test
    void theMigrationsOnTheClasspathMayShip() {
        List<Migration> released = Migrations.on(Migrations.PREVIOUS_RELEASE);
        assertThat(released).as("the previous release's migrations are kept as a fixture").hasSizeGreaterThan(30);
        assertThat(Migrations.problems(released, Migrations.on("db/migration"))).isEmpty();
    }

    @Test
    void aNewTimestampedMigrationAfterTheReleasedOnesIsAccepted() {
        List<Migration> current = plus(Migration.of("V2026_12_07_0100__audit_seal.sql", "alter table audit_entry add column mac text;"));
        assertThat(Migrations.problems(RELEASED, current)).isEmpty();
    }

    @Test
    void twoMigrationsWithOneVersionAreRefused() {
        List<Migration> current = plus(Migration.of("V2026_12_07_0100__a.sql", "a"), Migration.of("V2026_12_07_0100__b.sql", "b"));
        assertThat(Migrations.problems(RELEASED, current)).singleElement().asString()
                .contains("V2026_12_07_0100__a.sql and V2026_12_07_0100__b.sql share version 2026.12.7.100");
    }

    @Test
    void aMigrationAddedBelowAnAppliedOneIsRefused() {
        // The mistake of the past: a V9_10 added after V10_xx had shipped (and colliding with another V9_10).
        List<Migration> current = plus(Migration.of("V9_10__session_void.sql", "alter table s add column v text;"));
        assertThat(Migrations.problems(RELEASED, current))
                .anySatisfy(p -> assertThat(p).contains("V9_10__session_void.sql sorts before V10_90__cause.sql"))
                .anySatisfy(p -> assertThat(p).contains("does not follow V<yyyy>_<mm>_<dd>_<hhmm>"));
    }

    @Test
    void editingOrRemovingAReleasedMigrationIsRefused() {
        List<Migration> edited = List.of(RELEASED.get(0), RELEASED.get(1), Migration.of("V10_90__cause.sql", "alter table r add column c varchar(10);"));
        assertThat(Migrations.problems(RELEASED, edited)).singleElement().asString().contains("V10_90__cause.sql was released and has been edited");
        assertThat(Migrations.problems(RELEASED, RELEASED.subList(0, 2))).singleElement().asString().contains("V10_90__cause.sql was released and is gone");
    }

    @Test
    void versionsCompareNumericallyPartByPartAsFlywayDoes() {
        assertThat(List.of(Migration.of("V10_1__c.sql", ""), Migration.of("V2026_12_07_0001__d.sql", ""),
                        Migration.of("V9_11__b.sql", ""), Migration.of("V9_2__a.sql", "")).stream()
                .sorted(Migrations.ORDER).map(Migration::fileName))
                .containsExactly("V9_2__a.sql", "V9_11__b.sql", "V10_1__c.sql", "V2026_12_07_0001__d.sql");
    }

    private static List<Migration> plus(Migration... added) {
        return java.util.stream.Stream.concat(RELEASED.stream(), java.util.stream.Stream.of(added)).toList();
    }
}

package org.exotrace.deidentification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.exotrace.deidentification.KAnonymity.Cell;
import org.exotrace.deidentification.KAnonymity.Level;
import org.exotrace.deidentification.KAnonymity.Outcome;
import org.exotrace.deidentification.KAnonymity.Quasi;
import org.junit.jupiter.api.Test;

/** Hand-worked tables: each case says which classes exist at which level, and so what the outcome must be. */
class KAnonymityTest {

    private static Quasi q(String person, int age, String sex, String type, String clinic, String jurisdiction) {
        return new Quasi(person, age, sex, type, clinic, jurisdiction);
    }

    private static List<Quasi> same(int people, String prefix, int age, String sex, String type, String clinic, String jurisdiction) {
        List<Quasi> out = new ArrayList<>();
        for (int i = 0; i < people; i++) out.add(q(prefix + i, age, sex, type, clinic, jurisdiction));
        return out;
    }

    @Test
    void aTableAlreadyFiveAnonymousIsWrittenAsRecorded() {
        // Two classes of five: (30-39, F, III, site-1) and (50-59, M, V, site-2).
        List<Quasi> t = new ArrayList<>(same(5, "a", 34, "FEMALE", "III", "site-1", "HK"));
        t.addAll(same(5, "b", 55, "MALE", "V", "site-2", "SG"));

        Outcome o = KAnonymity.apply(t, 5);

        assertThat(o.level()).isEqualTo(Level.AS_RECORDED);
        assertThat(o.suppressedCourses()).isZero();
        assertThat(o.classes()).isEqualTo(2);
        assertThat(o.kReached()).isEqualTo(5);
        assertThat(o.cells().get(0)).isEqualTo(new Cell("30-39", "FEMALE", "III", "site-1"));
        assertThat(o.cells().get(9)).isEqualTo(new Cell("50-59", "MALE", "V", "site-2"));
    }

    @Test
    void threePeopleOfFortyOneAndTwoOfFiftyFiveBecomeOneClassOfFiveInTwentyYearBands() {
        // Ten-year bands: 40-49 holds 3, 50-59 holds 2; twenty-year bands: 40-59 holds 5.
        List<Quasi> t = new ArrayList<>(same(3, "a", 41, "FEMALE", "IV", "site-1", "HK"));
        t.addAll(same(2, "b", 55, "FEMALE", "IV", "site-1", "HK"));

        Outcome o = KAnonymity.apply(t, 5);

        assertThat(o.level()).isEqualTo(Level.AGE_20);
        assertThat(o.suppressedCourses()).isZero();
        assertThat(o.kReached()).isEqualTo(5);
        assertThat(o.cells()).containsOnly(new Cell("40-59", "FEMALE", "IV", "site-1"));
    }

    @Test
    void phototypesGroupedAndClinicsJoinedByJurisdictionWhenAgeAloneIsNotEnough() {
        // (F, III, site-1) x3 and (F, IV, site-2) x2, all 33: only phototype groups and the jurisdiction make one class of 5.
        List<Quasi> t = new ArrayList<>(same(3, "a", 33, "FEMALE", "III", "site-1", "HK"));
        t.addAll(same(2, "b", 33, "FEMALE", "IV", "site-2", "HK"));

        Outcome o = KAnonymity.apply(t, 5);

        assertThat(o.level()).isEqualTo(Level.JURISDICTION);
        assertThat(o.cells()).containsOnly(new Cell("18-39", "FEMALE", "III-IV", "HK"));
    }

    @Test
    void aLoneManIsSuppressedAndTheOthersKeepTheirDetailSinceNoGeneralisationWouldSaveHim() {
        // Sex is never generalised: the one man is alone at every level, so generalising would cost detail and save nobody.
        List<Quasi> t = new ArrayList<>(same(5, "a", 41, "FEMALE", "III", "site-1", "HK"));
        t.add(q("m", 70, "MALE", "VI", "site-2", "SG"));

        Outcome o = KAnonymity.apply(t, 5);

        assertThat(o.level()).isEqualTo(Level.AS_RECORDED);
        assertThat(o.suppressedCourses()).isEqualTo(1);
        assertThat(o.suppressedPeople()).isEqualTo(1);
        assertThat(o.suppressed(5)).isTrue();
        assertThat(o.cells().subList(0, 5)).containsOnly(new Cell("40-49", "FEMALE", "III", "site-1"));
        assertThat(o.kReached()).isEqualTo(5);
        assertThat(o.classes()).isEqualTo(1);
    }

    @Test
    void twoCoursesOfOnePersonCountOnceTowardsK() {
        // Five courses in one class but only four people: not 5-anonymous at any level, so all are suppressed.
        List<Quasi> t = new ArrayList<>(same(4, "a", 41, "FEMALE", "III", "site-1", "HK"));
        t.add(q("a0", 41, "FEMALE", "III", "site-1", "HK"));

        Outcome o = KAnonymity.apply(t, 5);

        assertThat(o.suppressedCourses()).isEqualTo(5);
        assertThat(o.suppressedPeople()).isEqualTo(4);
        assertThat(o.kReached()).isZero();
        assertThat(o.classes()).isZero();
    }

    @Test
    void anEmptyCohortWritesNothingAndSuppressesNothing() {
        Outcome o = KAnonymity.apply(List.of(), 5);

        assertThat(o.level()).isEqualTo(Level.AS_RECORDED);
        assertThat(o.cells()).isEmpty();
        assertThat(o.suppressedCourses()).isZero();
        assertThat(o.kReached()).isZero();
    }

    @Test
    void aMissingPhototypeIsItsOwnValueAndKBelowTwoIsRefused() {
        assertThat(KAnonymity.generalise(q("x", 25, "FEMALE", null, "site-1", "HK"), Level.ANY_SITE))
                .isEqualTo(new Cell("18-39", "FEMALE", "unknown", "any"));
        assertThatThrownBy(() -> KAnonymity.apply(List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.exotrace.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.donor.SourceType;
import org.junit.jupiter.api.Test;

class RuleMatcherUnitTest {

    private static Rule rule(String jurisdiction, String source, String route, String purpose, RuleVerdict verdict) {
        return new Rule(UUID.randomUUID(), jurisdiction, source, route, purpose, verdict, Confidence.CONFIRMED, "c", null,
                null, null, 1, "t", Instant.EPOCH);
    }

    @Test
    void theMostSpecificRuleDecides() {
        Rule broad = rule("US", "HUMAN", "ANY", "ANY", RuleVerdict.PROHIBITED);
        Rule named = rule("US", "UMBILICAL_CORD_MSC", "TOPICAL_INTACT_SKIN", "COSMETIC", RuleVerdict.PERMITTED);
        List<RuleMatcher.Match> m = RuleMatcher.matches(List.of(broad, named), "US", SourceType.UMBILICAL_CORD_MSC,
                Route.TOPICAL_INTACT_SKIN, Purpose.COSMETIC);
        assertThat(m).extracting(RuleMatcher.Match::rule).containsExactly(named, broad);
        assertThat(m).extracting(RuleMatcher.Match::specificity).containsExactly(6, 1);
    }

    @Test
    void amongEquallySpecificRulesTheMostRestrictiveWins() {
        Rule lenient = rule("US", "HUMAN", "INJECTION", "ANY", RuleVerdict.PERMITTED_WITH_CAUTION);
        Rule strict = rule("US", "HUMAN", "INJECTION", "ANY", RuleVerdict.PROHIBITED);
        assertThat(RuleMatcher.matches(List.of(lenient, strict), "US", SourceType.ADIPOSE_MSC, Route.INTRADERMAL_INJECTION,
                Purpose.COSMETIC).get(0).rule()).isSameAs(strict);
    }

    @Test
    void aNationalRuleOutranksTheSameEuRuleAndRulesElsewhereNeverMatch() {
        Rule eu = rule("EU", "PLANT", "TOPICAL_INTACT", "COSMETIC", RuleVerdict.PROHIBITED);
        Rule german = rule("DE", "PLANT", "TOPICAL_INTACT", "COSMETIC", RuleVerdict.PERMITTED);
        Rule korean = rule("KR", "ANY", "ANY", "ANY", RuleVerdict.PROHIBITED);
        List<RuleMatcher.Match> m = RuleMatcher.matches(List.of(eu, german, korean), "DE", SourceType.PLANT, Route.TOPICAL_INTACT_SKIN,
                Purpose.COSMETIC);
        assertThat(m).extracting(RuleMatcher.Match::rule).containsExactly(german, eu);
        assertThat(RuleMatcher.matches(List.of(german), "FR", SourceType.PLANT, Route.TOPICAL_INTACT_SKIN, Purpose.COSMETIC)).isEmpty();
    }

    @Test
    void selectorsMustCoverTheUse() {
        Rule humanOnly = rule("US", "HUMAN", "ANY", "ANY", RuleVerdict.PROHIBITED);
        Rule injectionOnly = rule("US", "ANY", "INJECTION", "ANY", RuleVerdict.PROHIBITED);
        Rule investigationOnly = rule("US", "ANY", "ANY", "CLINICAL_INVESTIGATION", RuleVerdict.NEEDS_TRIAL_AUTHORIZATION);
        assertThat(RuleMatcher.matches(List.of(humanOnly, injectionOnly, investigationOnly), "US", SourceType.PLANT,
                Route.TOPICAL_AFTER_MICRONEEDLING, Purpose.COSMETIC)).isEmpty();
    }

    @Test
    void aRuleIsInForceFromItsStartUntilTheDayBeforeItsEnd() {
        Rule r = new Rule(UUID.randomUUID(), "TW", "HUMAN", "ANY", "ANY", RuleVerdict.PERMITTED, Confidence.UNCERTAIN, "c", null,
                LocalDate.of(2024, 3, 21), LocalDate.of(2025, 1, 1), 1, "t", Instant.EPOCH);
        assertThat(r.inForceOn(LocalDate.of(2024, 3, 20))).isFalse();
        assertThat(r.inForceOn(LocalDate.of(2024, 3, 21))).isTrue();
        assertThat(r.inForceOn(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(r.inForceOn(LocalDate.of(2025, 1, 1))).isFalse();
    }
}

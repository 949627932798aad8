package org.exotrace.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.exotrace.batch.LotState;
import org.exotrace.specification.Verdict;
import org.junit.jupiter.api.Test;

class WordsUnitTest {

    enum Unlabelled { NOT_RECOVERED, SEVERE }

    @Test
    void aCodeReadsAsItsWordsWithTheFirstCapitalised() {
        assertThat(Words.words("NO_GROWTH")).isEqualTo("No growth");
        assertThat(Words.words("DOES_NOT_CONFORM")).isEqualTo("Does not conform");
        assertThat(Words.words("POSITIVE")).isEqualTo("Positive");
    }

    @Test
    void aLabelledValueReadsAsItsLabelAndAnyOtherEnumAsItsWords() {
        assertThat(Words.of(LotState.IN_TESTING)).isEqualTo("In testing");
        assertThat(Words.of(Verdict.FAIL)).isEqualTo("Out of specification");
        assertThat(Words.of(Unlabelled.NOT_RECOVERED)).isEqualTo("Not recovered");
        assertThat(Words.of(null)).isEmpty();
    }

    @Test
    void freeTextNamesAndShortAcronymsPassUnchanged() {
        assertThat(Words.words("Clear, colourless")).isEqualTo("Clear, colourless");
        assertThat(Words.words("HIV")).isEqualTo("HIV");
        assertThat(Words.words("L-2026-0001")).isEqualTo("L-2026-0001");
        assertThat(Words.words("0.12")).isEqualTo("0.12");
    }
}

package org.exotrace.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exotrace.shared.DomainProblem;
import org.junit.jupiter.api.Test;

class DonorCodeUnitTest {

    private static final String CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

    @Test
    void computesTheIso7064Mod37_2CheckCharacterOfThePublishedExample() {
        assertThat(DonorCode.checkCharacter("G123498654321")).isEqualTo('H');
    }

    @Test
    void issuesCodesWithTheExpectedCheckCharacter() {
        assertThat(DonorCode.issue("X0001", 2026, 123).value()).isEqualTo("X000126000123N");
        assertThat(DonorCode.issue("X0001", 2026, 5).value()).isEqualTo("X000126000005Z");
        assertThat(DonorCode.issue("X0001", 2026, 4).value()).isEqualTo("X0001260000040");
    }

    @Test
    void usesTheAsteriskAsTheThirtySeventhCheckCharacter() {
        DonorCode code = DonorCode.issue("X0001", 2026, 79);

        assertThat(code.value()).isEqualTo("X000126000079*");
        assertThat(DonorCode.of("X000126000079*")).isEqualTo(code);
    }

    @Test
    void everyIssuedCodeSatisfiesTheMod37_2WeightedSum() {
        for (long sequence = 1; sequence <= 500; sequence++) {
            String code = DonorCode.issue("K4711", 2031, sequence).value();
            assertThat(weightedSumMod37(code)).as(code).isEqualTo(1);
        }
    }

    @Test
    void refusesACodeWithAWrongCheckCharacterAsMistyped() {
        assertThatThrownBy(() -> DonorCode.of("X000126000123M"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.kind()).isEqualTo(DomainProblem.Kind.INVALID_INPUT);
                    assertThat(p.fieldErrors()).containsOnlyKeys("code");
                    assertThat(p.fieldErrors().get("code")).contains("mistyped");
                });
    }

    @Test
    void refusesEverySingleCharacterTypoAndAdjacentSwap() {
        String valid = DonorCode.issue("X0001", 2026, 123).value();
        for (int i = 0; i < 13; i++) {
            for (char c : (i == 0 ? "ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789").toCharArray()) {
                if (c == valid.charAt(i)) continue;
                String typo = valid.substring(0, i) + c + valid.substring(i + 1);
                assertThatThrownBy(() -> new DonorCode(typo)).as(typo).isInstanceOf(DomainProblem.class);
            }
        }
        for (int i = 1; i < 13; i++) {
            if (valid.charAt(i) == valid.charAt(i + 1)) continue;
            String swapped = valid.substring(0, i) + valid.charAt(i + 1) + valid.charAt(i) + valid.substring(i + 2);
            assertThatThrownBy(() -> new DonorCode(swapped)).as(swapped).isInstanceOf(DomainProblem.class);
        }
    }

    @Test
    void refusesCodesOfTheWrongShape() {
        for (String bad : new String[] {"X000126000123", "X000126000123NN", "1000126000123N", "X00A126000123N", "", "x000126000123n "}) {
            assertThatThrownBy(() -> new DonorCode(bad)).as(bad)
                    .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.fieldErrors().get("code")).contains("13 characters"));
        }
        assertThatThrownBy(() -> new DonorCode(null)).isInstanceOf(DomainProblem.class);
    }

    @Test
    void groupsTheCodeForDisplayAndParsesItBack() {
        DonorCode code = DonorCode.issue("X0001", 2026, 123);

        assertThat(code.display()).isEqualTo("X0001 26 000123 N");
        assertThat(DonorCode.of("x0001 26 000123 n")).isEqualTo(code);
        assertThat(DonorCode.of(code.display())).isEqualTo(code);
        assertThat(code).hasToString("X000126000123N");
    }

    @Test
    void issueKeepsTwoYearDigitsAndRefusesOutOfRangeInput() {
        assertThat(DonorCode.issue("X0001", 2105, 1).value()).startsWith("X000105000001");
        assertThatIllegalArgumentException().isThrownBy(() -> DonorCode.issue("X0001", 2026, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> DonorCode.issue("X0001", 2026, 1_000_000));
        assertThatIllegalArgumentException().isThrownBy(() -> DonorCode.issue("x0001", 2026, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> DonorCode.issue("XX001", 2026, 1));
    }

    /** ISO 7064 MOD 37-2 states validity independently of how the check is computed: the sum of v(i) * 2^(n-i) is 1 mod 37. */
    private static int weightedSumMod37(String code) {
        int sum = 0;
        for (int i = 0; i < code.length(); i++) {
            sum = (sum * 2 + CHARSET.indexOf(code.charAt(i))) % 37;
        }
        return sum;
    }
}

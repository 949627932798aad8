package org.exotrace.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The password policy after NIST SP 800-63B: length, the shipped list of common passwords, no user name, no single repeated character. */
class PasswordPolicyUnitTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shipsTenThousandOrMoreCommonPasswords() {
        assertThat(policy.commonPasswords()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void refusesACommonPasswordWhateverItsCase() {
        assertThat(policy.problem("password123", "jdoe")).hasValueSatisfying(m -> assertThat(m).contains("most common passwords"));
        assertThat(policy.problem("PassWord123", "jdoe")).hasValueSatisfying(m -> assertThat(m).contains("most common passwords"));
        assertThat(policy.problem("qwertyuiop", "jdoe")).isPresent();
        assertThat(policy.problem("1234567890", "jdoe")).isPresent();
    }

    @Test
    void refusesAPasswordContainingTheUserName() {
        assertThat(policy.problem("my-Kowalski-2026!", "kowalski")).hasValue("a password must not contain the user name");
    }

    @Test
    void refusesOneCharacterRepeated() {
        assertThat(policy.problem("aaaaaaaaaaaa", "jdoe")).hasValue("a single character repeated is too easy to guess");
        assertThat(policy.problem("§§§§§§§§§§", "jdoe")).isPresent();
    }

    @Test
    void refusesTooShortAndTooLong() {
        assertThat(policy.problem("short one", "jdoe")).hasValue("use at least 10 characters (this one has 9)");
        assertThat(policy.problem("", "jdoe")).isPresent();
        assertThat(policy.problem(null, "jdoe")).isPresent();
        assertThat(policy.problem("x".repeat(64) + "y".repeat(65), "jdoe")).hasValue("use at most 128 characters");
    }

    @Test
    void acceptsLongPassphrasesOfAnyCharactersUpTo128() {
        assertThat(policy.problem("tulips in the autoclave", "jdoe")).isEmpty();
        assertThat(policy.problem("ζωή-και-λευκά-κύτταρα", "jdoe")).isEmpty();
        assertThat(policy.problem("ab".repeat(64), "jdoe")).isEmpty();
    }

    @Test
    void theDemoPasswordAndTheTestPasswordPassForEveryDemoAccount() {
        for (String name : List.of("analyst", "analyst2", "qa", "qa2", "clinician", "clinician2", "researcher", "compliance", "admin")) {
            assertThat(policy.problem("exotrace-demo", name)).as(name).isEmpty();
        }
        assertThat(policy.problem("correct horse battery", "t1-abcdef12")).isEmpty();
    }

    @Test
    void aTwoLetterUserNameIsNotSearchedFor() {
        assertThat(policy.problem("quality assurance", "qa")).isEmpty();
    }
}

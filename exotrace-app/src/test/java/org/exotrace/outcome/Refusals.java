package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.exotrace.shared.DomainProblem;

/** Asserts that a calculator refuses a component as invalid input, under the component's field name. */
final class Refusals {

    private Refusals() {
    }

    static void assertRefused(ThrowingCallable call, String field, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainProblem.class, problem -> {
            assertThat(problem.kind()).isEqualTo(DomainProblem.Kind.INVALID_INPUT);
            assertThat(problem.fieldErrors()).containsOnlyKeys(field);
            assertThat(problem.fieldErrors().get(field)).contains(messageParts);
        });
    }
}

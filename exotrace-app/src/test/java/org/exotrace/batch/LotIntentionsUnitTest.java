package org.exotrace.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What other modules ask a lot instead of comparing its state. */
class LotIntentionsUnitTest {

    @Test
    void aLotInTestingAcceptsResultsAndAwaitsItsDisposition() {
        Lot lot = lot(LotState.IN_TESTING);
        assertThat(lot.acceptsResults()).isTrue();
        assertThat(lot.awaitsDisposition()).isTrue();
        assertThat(lot.released()).isFalse();
        assertThat(lot.quarantined()).isFalse();
        assertThat(lot.rejected()).isFalse();
    }

    @Test
    void aQuarantinedLotIsOnHoldYetStillAcceptsResultsAndAwaitsItsDisposition() {
        Lot lot = lot(LotState.QUARANTINED);
        assertThat(lot.quarantined()).isTrue();
        assertThat(lot.acceptsResults()).isTrue();
        assertThat(lot.awaitsDisposition()).isTrue();
        assertThat(lot.released()).isFalse();
    }

    @Test
    void aReleasedLotLocksItsResultsAndIsNotSignedAgainUntilQuarantined() {
        Lot lot = lot(LotState.RELEASED);
        assertThat(lot.released()).isTrue();
        assertThat(lot.acceptsResults()).isFalse();
        assertThat(lot.awaitsDisposition()).isFalse();
    }

    @Test
    void aRejectedLotIsFinal() {
        Lot lot = lot(LotState.REJECTED);
        assertThat(lot.rejected()).isTrue();
        assertThat(lot.acceptsResults()).isFalse();
        assertThat(lot.awaitsDisposition()).isFalse();
        assertThat(lot.released()).isFalse();
    }

    @Test
    void anOpenDispositionIsExactlyOneThatMayStillBeReleased() {
        for (LotState s : LotState.values()) assertThat(s.open()).as(s.name()).isEqualTo(s.canBecome(LotState.RELEASED));
    }

    @Test
    void theIntentionsAreNotAddedToALotsJson() {
        String json = JsonMapper.builder().build().writeValueAsString(lot(LotState.RELEASED));
        assertThat(json).contains("\"state\":\"RELEASED\"")
                .doesNotContain("acceptsResults", "awaitsDisposition", "\"released\"", "\"quarantined\"", "\"rejected\"");
    }

    private static Lot lot(LotState state) {
        return new Lot(UUID.randomUUID(), "L-2026-0001", "EXO-SERUM", LotKind.PRIMARY, UUID.randomUUID(), 1.0e11, 10.0,
                LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 5), state, null, null, Instant.parse("2026-01-05T09:00:00Z"), "analyst");
    }
}

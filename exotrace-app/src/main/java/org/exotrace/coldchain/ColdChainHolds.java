package org.exotrace.coldchain;

import java.util.Optional;
import java.util.UUID;
import org.exotrace.supply.UnitHolds;
import org.springframework.stereotype.Component;

/** The supply module's unit check asks here: a unit an undecided or unusable excursion or thaw holds is refused, with why. */
@Component
class ColdChainHolds implements UnitHolds {

    private final ColdChain coldChain;

    ColdChainHolds(ColdChain coldChain) {
        this.coldChain = coldChain;
    }

    @Override
    public Optional<String> heldBecause(UUID unitId, String unitCode) {
        return coldChain.holdOf(unitId).map(reason -> "unit " + unitCode + ": " + reason);
    }
}

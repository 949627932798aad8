package org.exotrace.recall;

import java.time.Instant;
import java.util.UUID;

/**
 * A recall of a lot: open from the moment QA opens it until QA closes it under a signature.
 *
 * @param closedByName          the closing signer's printed name (null while open)
 * @param closureSignatureId    the electronic signature of the closure (null while open)
 * @param closureJustification  QA's written justification for closing with units unaccounted for, or null
 */
public record Recall(UUID id, String code, UUID lotId, String lotCode, RecallClass recallClass, String reason, RecallScope scope, State state,
                     String openedBy, Instant openedAt, String closedBy, String closedByName, Instant closedAt, UUID closureSignatureId,
                     String closureContentHash, String closureJustification) {

    /** A recall is open until its signed closure. */
    public enum State implements org.exotrace.shared.Labelled {
        OPEN("Open"),
        CLOSED("Closed");

        private final String label;

        State(String label) { this.label = label; }

        @Override
        public String label() { return label; }
    }

    public boolean open() {
        return state == State.OPEN;
    }
}

package org.exotrace.trace;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.batch.IsolationMethod;
import org.exotrace.batch.LotKind;
import org.exotrace.batch.LotState;
import org.exotrace.donor.SourceType;

/**
 * A backward trace: the unit and what became of it, its lot with the lots it was made from as a
 * tree down to the batches and donors, and every donor at the root.
 */
public record UnitTrace(TracedUnit unit, Node lot, List<DonorRef> donors) {

    public UnitTrace {
        donors = List.copyOf(donors);
    }

    /** One lot of the tree; {@code batch} is set for a primary lot, {@code parents} for derivatives and pools. */
    public record Node(UUID id, String code, LotKind kind, String productCode, LotState state, BatchRef batch, List<Node> parents) {

        public Node {
            parents = List.copyOf(parents);
        }
    }

    /** The isolation batch a primary lot was made from, and its donor. */
    public record BatchRef(UUID id, String code, IsolationMethod method, LocalDate startedOn, DonorRef donor) {}

    /**
     * A donor as the caller may see them: the source type for everyone, the donor code and id only for
     * the roles that may identify donors (lab analysts, QA releasers, administrators); donors have no names here.
     */
    public record DonorRef(UUID id, String code, SourceType sourceType) {}
}

package org.exotrace.trace;

import java.util.List;
import java.util.UUID;
import org.exotrace.batch.LotKind;
import org.exotrace.batch.LotState;

/**
 * A forward trace: the lot with the lots made from it as a tree, each with its units and what became
 * of them, and the patients who received any of them.
 *
 * @param recipients            every patient treated with a unit of the lot or of a lot made from it, by pseudonym
 * @param lotCount              how many lots the tree holds, the traced one included
 * @param unitCount             how many units of those lots are shown
 * @param unitsOutsideYourClinics units left out because they went elsewhere than the clinics the caller works at
 *                              (always 0 for lab, QA and compliance roles, who see the whole network)
 */
public record LotTrace(Node root, List<Recipient> recipients, int lotCount, int unitCount, int unitsOutsideYourClinics) {

    public LotTrace {
        recipients = List.copyOf(recipients);
    }

    /**
     * One lot of the tree. A lot pooled from two lots of the tree appears under each; its units and
     * children are given at its first appearance, and {@code shownAbove} marks the others.
     */
    public record Node(UUID id, String code, LotKind kind, String productCode, LotState state, List<TracedUnit> units, List<Node> children,
                       boolean shownAbove) {

        public Node {
            units = List.copyOf(units);
            children = List.copyOf(children);
        }
    }

    /** A patient who received units of the traced lots, with the units and the clinic that used them. */
    public record Recipient(PatientRef patient, String clinicName, List<String> unitCodes) {

        public Recipient {
            unitCodes = List.copyOf(unitCodes);
        }
    }
}

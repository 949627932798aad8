package org.exotrace.treatment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.compliance.Purpose;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.RuleVerdict;
import org.exotrace.donor.SourceType;

/**
 * A patient's course from a template, with the regulatory decision it was made under and, for a
 * split-face design, the allocation of the sides. The allocation is concealed from the plan's
 * blinded assessor: a plan read by them has no {@code treatedSide} and {@code allocationConcealed} set.
 *
 * @param complianceVerdict    null when no rule covered the use (the message then asks for a review)
 * @param design               the template's design when the plan was made
 * @param treatedSide          the side that receives the exosome product (LEFT or RIGHT); null for a parallel plan or when concealed
 * @param comparator           what the other side receives; null for a parallel plan
 * @param randomized           whether the side was drawn at random rather than chosen; null for a parallel plan
 * @param blindedAssessor      the clinician who assesses without knowing the allocation; null when none
 * @param allocationCommitment SHA-256 of the plan id, the side and a secret salt, fixed (and audited) at planning
 * @param allocationConcealed  true when this copy of the plan was read by its blinded assessor
 */
public record TreatmentPlan(UUID id, UUID patientId, UUID clinicId, UUID templateId, String productCode, SourceType sourceType, Route route,
                            Purpose purpose, String trialId, LocalDate startOn, RuleVerdict complianceVerdict, String complianceMessage,
                            List<Visit> visits, String createdBy, Instant createdAt, Design design, Side treatedSide, String comparator,
                            Boolean randomized, String blindedAssessor, String allocationCommitment, boolean allocationConcealed) {

    public static final String CONCEALED = "allocation concealed";

    public enum VisitKind { SESSION, FOLLOW_UP }

    public record Visit(VisitKind kind, int number, LocalDate dueOn) {}

    public TreatmentPlan {
        visits = List.copyOf(visits);
        if (design == null) design = Design.PARALLEL;
    }

    /** A whole-area plan, as before designs were recorded. */
    public TreatmentPlan(UUID id, UUID patientId, UUID clinicId, UUID templateId, String productCode, SourceType sourceType, Route route,
                         Purpose purpose, String trialId, LocalDate startOn, RuleVerdict complianceVerdict, String complianceMessage,
                         List<Visit> visits, String createdBy, Instant createdAt) {
        this(id, patientId, clinicId, templateId, productCode, sourceType, route, purpose, trialId, startOn, complianceVerdict,
                complianceMessage, visits, createdBy, createdAt, Design.PARALLEL, null, null, null, null, null, false);
    }

    public boolean splitFace() {
        return design == Design.SPLIT_FACE;
    }

    /** Whether this person may know which side receives the product: anyone but the blinded assessor, and only on a split-face plan. */
    public boolean allocationVisibleTo(String username) {
        return splitFace() && !allocationConcealed && treatedSide != null && !username.equals(blindedAssessor);
    }

    /** This plan as its blinded assessor may read it (without the treated side); unchanged for anyone else. */
    public TreatmentPlan concealedFrom(String username) {
        if (!splitFace() || blindedAssessor == null || !blindedAssessor.equals(username)) return this;
        return new TreatmentPlan(id, patientId, clinicId, templateId, productCode, sourceType, route, purpose, trialId, startOn,
                complianceVerdict, complianceMessage, visits, createdBy, createdAt, design, null, comparator, randomized, blindedAssessor,
                allocationCommitment, true);
    }

    /** The side that receives the comparator; null when there is none or it is concealed. */
    public Side comparatorSide() {
        return treatedSide == null ? null : treatedSide == Side.LEFT ? Side.RIGHT : Side.LEFT;
    }

    /** The allocation in words, e.g. "exosome product Left, saline Right"; "allocation concealed" for the blinded assessor; null for a parallel plan. */
    @JsonProperty("allocation")
    public String allocation() {
        if (!splitFace()) return null;
        if (treatedSide == null) return CONCEALED;
        return "exosome product " + treatedSide.label() + ", " + comparator + " " + comparatorSide().label();
    }
}

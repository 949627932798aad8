package org.exotrace.release;

/** What a signer declares by signing (21 CFR 11.50(a)(3)). */
public enum SignatureMeaning implements org.exotrace.shared.Labelled {
    RELEASE("Released", "Approval: I release this lot; it conforms to its specification"),
    REJECTION("Rejected", "Rejection: this lot does not conform and must not be used"),
    QUARANTINE("Quarantined", "Quarantine: this lot is held pending investigation"),
    CONTINUATION("Continued", "Continuation: I reviewed what changed after release; this lot stays released and may be used"),
    RECALL("Recalled", "Recall: this lot must not be used; its units in the field are recalled"),
    RECALL_CLOSURE("Recall closed", "Recall closure: I reviewed the accounting of every unit in scope and the look-back; this recall is closed");

    /** The meanings a signer chooses on the release panel; continuation and recall are outcomes of a disposition review. */
    public static final java.util.List<SignatureMeaning> DISPOSITIONS = java.util.List.of(RELEASE, REJECTION, QUARANTINE);

    private final String label;
    private final String statement;

    SignatureMeaning(String label, String statement) {
        this.label = label;
        this.statement = statement;
    }

    /** What the decision did to the lot, in one word: "Released", "Continued". */
    public String label() { return label; }

    public String statement() { return statement; }
}

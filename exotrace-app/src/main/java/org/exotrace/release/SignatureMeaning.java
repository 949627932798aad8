package org.exotrace.release;

/** What a signer declares by signing (21 CFR 11.50(a)(3)). */
public enum SignatureMeaning {
    RELEASE("Approval: I release this lot; it conforms to its specification"),
    REJECTION("Rejection: this lot does not conform and must not be used"),
    QUARANTINE("Quarantine: this lot is held pending investigation"),
    CONTINUATION("Continuation: I reviewed what changed after release; this lot stays released and may be used"),
    RECALL("Recall: this lot must not be used; its units in the field are recalled");

    /** The meanings a signer chooses on the release panel; continuation and recall are outcomes of a disposition review. */
    public static final java.util.List<SignatureMeaning> DISPOSITIONS = java.util.List.of(RELEASE, REJECTION, QUARANTINE);

    private final String statement;

    SignatureMeaning(String statement) { this.statement = statement; }

    public String statement() { return statement; }
}

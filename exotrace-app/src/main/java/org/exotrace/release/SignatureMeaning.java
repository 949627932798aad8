package org.exotrace.release;

/** What a signer declares by signing (21 CFR 11.50(a)(3)). */
public enum SignatureMeaning {
    RELEASE("Approval: I release this lot; it conforms to its specification"),
    REJECTION("Rejection: this lot does not conform and must not be used"),
    QUARANTINE("Quarantine: this lot is held pending investigation");

    private final String statement;

    SignatureMeaning(String statement) { this.statement = statement; }

    public String statement() { return statement; }
}

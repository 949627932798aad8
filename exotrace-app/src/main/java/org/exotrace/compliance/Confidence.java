package org.exotrace.compliance;

/** How sure the rule's source is: CONFIRMED from a primary or official text, UNCERTAIN from secondary or inferred ones. */
public enum Confidence {
    CONFIRMED, UNCERTAIN
}

package org.exotrace.specification;

/** Whether a test's result is a number in the specification's unit or one word of a vocabulary. */
public enum TestKind {
    NUMERIC,
    CATEGORICAL
}

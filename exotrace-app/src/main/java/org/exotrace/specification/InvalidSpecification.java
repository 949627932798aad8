package org.exotrace.specification;

/**
 * A specification or one of its tests cannot be used as written. The message names the test and
 * says what to change, so it can be shown to the QA person editing the specification.
 */
public final class InvalidSpecification extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSpecification(String message) {
        super(message);
    }
}

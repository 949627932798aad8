package org.exotrace.shared;

/** A coded value that people read as words: an enum constant's {@link #label()} ("In testing" for IN_TESTING). */
public interface Labelled {

    /** The value as people read it on a page or a PDF; the code itself stays for the API and the database. */
    String label();
}

package org.exotrace.platform;

/** Messages the API and the pages give alike. */
final class PlatformMessages {

    static final String RACE = "Someone saved the same thing at the same moment (a double click, or one unit scanned twice); "
            + "the first was kept and nothing of this request was saved. Reload to see what is recorded.";

    static final String UNSTORABLE = "The request holds a character the database cannot store (a NUL byte, or text that is not valid UTF-8); "
            + "remove it and send again. Nothing was saved.";

    private PlatformMessages() {
    }
}

package org.exotrace.platform;

/** Messages the API and the pages give alike. */
final class PlatformMessages {

    static final String RACE = "Someone saved the same thing at the same moment (a double click, or one unit scanned twice); "
            + "the first was kept and nothing of this request was saved. Reload to see what is recorded.";

    private PlatformMessages() {
    }
}

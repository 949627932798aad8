package org.exotrace.characterization;

/** Where an NTA measurement's background analysis is. */
public enum NtaStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}

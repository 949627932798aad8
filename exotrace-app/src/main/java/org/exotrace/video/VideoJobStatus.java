package org.exotrace.video;

/** Where a video job is: waiting, tracking, handed over as an NTA measurement, or stopped with a reason. */
public enum VideoJobStatus {
    QUEUED, RUNNING, DONE, FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}

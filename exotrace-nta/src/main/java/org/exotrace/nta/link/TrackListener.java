package org.exotrace.nta.link;

/** Receives each track once it is finished: it can no longer grow. */
@FunctionalInterface
public interface TrackListener {

    void track(LinkedTrack track);
}

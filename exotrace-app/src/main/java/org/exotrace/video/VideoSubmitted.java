package org.exotrace.video;

import java.util.UUID;

/** A video was stored and waits for tracking (published inside the storing transaction). */
record VideoSubmitted(UUID jobId) {}

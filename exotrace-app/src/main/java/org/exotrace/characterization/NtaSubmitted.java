package org.exotrace.characterization;

import java.util.UUID;

/** An NTA measurement was stored and waits for its analysis (published inside the storing transaction). */
record NtaSubmitted(UUID measurementId) {}

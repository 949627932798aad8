package org.exotrace.results;

import java.util.UUID;

/**
 * A result of a lot was declared invalid (it no longer counts for the lot's evaluation); the lot's
 * disposition may have to be reviewed, in particular when the lot was already released.
 */
public record ResultInvalidated(UUID resultId, UUID lotId, String lotCode, String testCode, String reason) {}

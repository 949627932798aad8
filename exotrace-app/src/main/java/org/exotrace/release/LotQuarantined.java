package org.exotrace.release;

import java.util.UUID;

/** A lot was put on hold under an electronic signature pending investigation. */
public record LotQuarantined(UUID lotId, String lotCode, UUID signatureId, String reason) {}

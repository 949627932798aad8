package org.exotrace.release;

import java.util.UUID;

/** A lot was rejected under an electronic signature; it must never be used. */
public record LotRejected(UUID lotId, String lotCode, UUID signatureId, String reason) {}

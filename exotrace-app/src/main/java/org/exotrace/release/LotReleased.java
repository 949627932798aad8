package org.exotrace.release;

import java.util.UUID;

/** A lot was released under an electronic signature; its units may now be shipped. */
public record LotReleased(UUID lotId, String lotCode, UUID signatureId, String certificateNumber) {}

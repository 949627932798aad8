package org.exotrace.batch;

import java.util.UUID;

/** One ampoule or vial filled from a lot, with a printable code like {@code L-2026-0001-U001}. */
public record LotUnit(UUID id, String code, UUID lotId, int number, Double volumeMl) {}

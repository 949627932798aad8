package org.exotrace.batch;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The record of a unit destroyed in the lab.
 *
 * @param on     the day it was destroyed (not in the future, not before the unit was filled)
 * @param by     who recorded it
 * @param at     when it was recorded
 * @param reason why, as stated (a cracked ampoule, a failed visual inspection)
 */
public record UnitDestruction(LocalDate on, String by, Instant at, String reason) {}

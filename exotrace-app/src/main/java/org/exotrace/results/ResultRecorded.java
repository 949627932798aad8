package org.exotrace.results;

import java.util.UUID;
import org.exotrace.specification.Verdict;

/** A result was entered for a lot; {@code verdict} says at once whether it is out of specification. */
public record ResultRecorded(UUID resultId, UUID lotId, String testCode, Verdict verdict, String analyst) {}

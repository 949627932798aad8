package org.exotrace.release;

import java.time.Instant;
import java.util.UUID;

/**
 * An electronic signature: printed name, date and time, and meaning, linked to the signed record
 * by {@code contentHash} (SHA-256 of what was signed) so it cannot be moved to another record.
 */
public record ElectronicSignature(UUID id, String recordType, UUID recordId, String username, String printedName,
                                  SignatureMeaning meaning, Instant signedAt, String contentHash) {}

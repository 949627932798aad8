package org.exotrace.audit;

import java.time.Instant;

/** One link of the audit chain. Values are JSON text; {@code reason} is null only for first entry. */
public record AuditEntry(long seq, Instant recordedAt, String actor, String recordType, String recordId, String action,
                         String oldValue, String newValue, String reason, String previousHash, String hash) {}

package org.exotrace.shared;

import java.util.Objects;

/**
 * A business record was created, changed or retired. Published by the module that owns the
 * record, inside the transaction that changed it; the audit module listens and appends a
 * hash-chained entry in the same transaction, so a change and its audit entry commit together.
 *
 * @param recordType stable type name, e.g. {@code donor}, {@code lot}
 * @param recordId   the record's id as text
 * @param action     {@code CREATE}, {@code UPDATE}, {@code RETIRE} or a domain verb such as {@code RELEASE}
 * @param before     the record's state before the change (null on create); serialised to JSON
 * @param after      the record's state after the change; serialised to JSON
 * @param reason     why; required for every change after first entry
 */
public record RecordChanged(String recordType, String recordId, String action, Object before, Object after, String reason) {

    public RecordChanged {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(action, "action");
        if (!"CREATE".equals(action) && (reason == null || reason.isBlank())) {
            throw DomainProblem.invalid("reason", "a reason is required for every change after first entry");
        }
    }

    public static RecordChanged created(String recordType, Object id, Object after) {
        return new RecordChanged(recordType, id.toString(), "CREATE", null, after, null);
    }

    public static RecordChanged changed(String recordType, Object id, String action, Object before, Object after, String reason) {
        return new RecordChanged(recordType, id.toString(), action, before, after, reason);
    }
}

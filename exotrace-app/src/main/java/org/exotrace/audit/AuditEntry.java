package org.exotrace.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One link of the audit chain. Values are JSON text; {@code reason} is null only for first entry. */
public record AuditEntry(long seq, Instant recordedAt, String actor, String recordType, String recordId, String action,
                         String oldValue, String newValue, String reason, String previousHash, String hash) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Actions whose words are not simply their code read aloud. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("CREATE", "Created"), Map.entry("UPDATE", "Changed"), Map.entry("WITHDRAW", "Withdrawn"),
            Map.entry("RETIRE", "Retired"), Map.entry("SUPERSEDE", "Superseded by a retest"), Map.entry("INVALIDATE", "Invalidated"),
            Map.entry("ATTACH_RAW_FILE", "Raw data attached"), Map.entry("RECEIVE", "Received"), Map.entry("VOID", "Voided"),
            Map.entry("CORRECT", "Corrected"), Map.entry("DECIDE", "Decided"), Map.entry("ADD_CAUSE", "Cause added"),
            Map.entry("DESTROY", "Destroyed"), Map.entry("APPROVE", "Approved"), Map.entry("PROPOSE", "Conclusion proposed"),
            Map.entry("RETURN", "Returned"), Map.entry("COMPLETE", "Completed"), Map.entry("FAIL", "Failed"),
            Map.entry("FOLLOW_UP", "Follow-up recorded"), Map.entry("NEW_VERSION", "New version"), Map.entry("PHASE_II", "Moved to phase II"),
            Map.entry("REMOVE", "Removed"), Map.entry("ADD_MEMBER", "Staff member added"), Map.entry("EXPORT_FHIR", "Exported as FHIR"),
            Map.entry("EXPORT_PDF", "Exported as PDF"), Map.entry("RESET_PASSWORD", "Password reset"),
            Map.entry("CHANGE_PASSWORD", "Password changed"), Map.entry("CHANGE_ROLES", "Roles changed"));

    /** One field of the record before and after the change; either side is null when the field did not exist then. */
    public record FieldChange(String field, String before, String after) {

        public boolean changed() {
            return before == null ? after != null : !before.equals(after);
        }
    }

    /** The action in words: "Created", "Invalidated", "Cause added". */
    public String actionText() {
        return ACTIONS.getOrDefault(action, sentence(action));
    }

    /** The kind of record in words: "Donor screening" for {@code donor_screening}. */
    public String recordTypeText() {
        return sentence(recordType);
    }

    /**
     * The record's fields before and after, side by side, in the order they were written (the
     * new value's first); nested values are shown as compact JSON. Empty when neither value is a
     * JSON object.
     */
    public List<FieldChange> changes() {
        JsonNode before = object(oldValue);
        JsonNode after = object(newValue);
        Set<String> fields = new LinkedHashSet<>();
        if (after != null) fields.addAll(after.propertyNames());
        if (before != null) fields.addAll(before.propertyNames());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            changes.add(new FieldChange(words(field), text(before, field), text(after, field)));
        }
        return changes;
    }

    /** The new value when it is not a JSON object (a plain text or number), else null. */
    public String plainNewValue() {
        return newValue != null && object(newValue) == null ? newValue : null;
    }

    private static JsonNode object(String json) {
        if (json == null || json.isBlank()) return null;
        try {
            JsonNode node = JSON.readTree(json);
            return node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode object, String field) {
        if (object == null || !object.has(field) || object.get(field).isNull()) return null;
        JsonNode value = object.get(field);
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** {@code sourceType} and {@code SOURCE_TYPE} both read "Source type". */
    private static String words(String code) {
        String spaced = code.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').strip();
        return sentence(spaced);
    }

    private static String sentence(String code) {
        if (code == null || code.isBlank()) return "";
        String lower = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}

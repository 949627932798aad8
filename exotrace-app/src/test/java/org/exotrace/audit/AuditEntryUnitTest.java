package org.exotrace.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.exotrace.audit.AuditEntry.FieldChange;
import org.junit.jupiter.api.Test;

class AuditEntryUnitTest {

    private static AuditEntry entry(String type, String action, String before, String after) {
        return new AuditEntry(7, Instant.parse("2026-12-06T10:00:00Z"), "qa", type, "id", action, before, after, "why", "p", "h");
    }

    @Test
    void aChangeListsEveryFieldBeforeAndAfterAndMarksTheOnesThatChanged() {
        AuditEntry e = entry("batch", "UPDATE", """
                {"code":"B-2026-0001","gForce":100000.0,"operator":"Sam","notes":null,"tags":["a"]}""", """
                {"code":"B-2026-0001","gForce":120000.0,"operator":"Sam","durationMinutes":70,"tags":["a","b"]}""");

        assertThat(e.changes()).containsExactly(
                new FieldChange("Code", "B-2026-0001", "B-2026-0001"),
                new FieldChange("G force", "100000.0", "120000.0"),
                new FieldChange("Operator", "Sam", "Sam"),
                new FieldChange("Duration minutes", null, "70"),
                new FieldChange("Tags", "[\"a\"]", "[\"a\",\"b\"]"),
                new FieldChange("Notes", null, null));
        assertThat(e.changes()).filteredOn(FieldChange::changed).extracting(FieldChange::field)
                .containsExactly("G force", "Duration minutes", "Tags");
    }

    @Test
    void actionsAndRecordTypesReadAsWords() {
        assertThat(entry("donor_screening", "CREATE", null, "{}").actionText()).isEqualTo("Created");
        assertThat(entry("donor_screening", "CREATE", null, "{}").recordTypeText()).isEqualTo("Donor screening");
        assertThat(entry("result", "SUPERSEDE", "{}", "{}").actionText()).isEqualTo("Superseded by a retest");
        assertThat(entry("lot", "SOME_NEW_ACTION", "{}", "{}").actionText()).isEqualTo("Some new action");
    }

    @Test
    void aValueThatIsNotAnObjectIsShownAsItIs() {
        AuditEntry e = entry("signature", "CREATE", null, "\"plain text\"");
        assertThat(e.changes()).isEmpty();
        assertThat(e.plainNewValue()).isEqualTo("\"plain text\"");
        assertThat(entry("lot", "CREATE", null, "{\"a\":1}").plainNewValue()).isNull();
    }
}

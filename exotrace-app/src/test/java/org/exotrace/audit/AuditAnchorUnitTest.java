package org.exotrace.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.exotrace.audit.AuditAnchor.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditAnchorUnitTest {

    @TempDir Path scratch;

    @Test
    void createsAnOwnerOnlyDirectoryAndKeyOnFirstOpenAndKeepsTheKeyAfterwards() throws Exception {
        Path dir = scratch.resolve("anchor");
        AuditAnchor first = AuditAnchor.open(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path key = dir.resolve("audit.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(AuditAnchor.open(dir).mac("a hash")).isEqualTo(first.mac("a hash"));
        assertThat(AuditAnchor.open(scratch.resolve("other")).mac("a hash")).as("another key").isNotEqualTo(first.mac("a hash"));
    }

    @Test
    void refusesAKeyFileOfTheWrongLength() throws Exception {
        Path dir = Files.createDirectories(scratch.resolve("anchor"));
        Files.write(dir.resolve("audit.key"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> AuditAnchor.open(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not an Exotrace audit key");
    }

    @Test
    void appendedCheckpointsReadBackSignedAndAnEditedLineDoesNot() throws Exception {
        AuditAnchor anchor = AuditAnchor.open(scratch.resolve("anchor"));
        Instant at = Instant.parse("2026-12-07T01:30:00.125Z");
        anchor.append(new Checkpoint(Checkpoint.Source.INTERVAL, 12, "a".repeat(64), at));
        anchor.append(new Checkpoint(Checkpoint.Source.SHUTDOWN, 13, "b".repeat(64), at));

        List<String> text = Files.readAllLines(anchor.checkpointsFile());
        assertThat(text.get(0)).startsWith("interval seq=12 hash=" + "a".repeat(64) + " at=2026-12-07T01:30:00.125Z mac=");
        assertThat(anchor.lines()).allMatch(AuditAnchor.Line::valid)
                .extracting(l -> l.checkpoint().seq()).containsExactly(12L, 13L);

        Files.write(anchor.checkpointsFile(), List.of(text.get(0).replace("seq=12", "seq=11"), text.get(1)));
        assertThat(anchor.lines()).extracting(AuditAnchor.Line::valid).containsExactly(false, true);
    }
}

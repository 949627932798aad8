package org.exotrace.characterization;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An NTA characterization of a lot: the uploaded file (kept, with its SHA-256, so the analysis
 * can be re-run), the settings, the background analysis' state, and what it found and recorded.
 *
 * @param progress        0 to 1
 * @param recordedResults test code to the id of the result this measurement recorded
 */
public record NtaMeasurement(UUID id, UUID lotId, NtaSource source, NtaStatus status, double progress, String progressMessage,
                             String filename, long sizeBytes, String sha256, NtaSettings settings, NtaOutcome outcome, String error,
                             String instrument, Instant measuredAt, String retestReason, UUID rerunOf, String submittedBy,
                             Instant submittedAt, Instant startedAt, Instant finishedAt, Map<String, UUID> recordedResults) {

    public NtaMeasurement {
        recordedResults = recordedResults == null ? Map.of() : Map.copyOf(recordedResults);
    }

    /** The command that reproduces the numbers from the downloaded input file. */
    public String commandLine() {
        return settings.commandLine(filename);
    }
}

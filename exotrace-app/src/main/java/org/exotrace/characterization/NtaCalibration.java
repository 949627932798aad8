package org.exotrace.characterization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The effective detection volume of an NTA set-up, estimated from a measured particle standard of
 * stated concentration (volume = mean particles per frame / (stated concentration / dilution);
 * {@code org.exotrace.nta.concentration.DetectionVolumeCalibration}), with its standard uncertainty,
 * the instrument, camera level and frame rate it holds for, and how long it is valid. A sample's
 * concentration is computed with a calibration chosen at upload.
 *
 * @param code                     e.g. CAL-2026-0001
 * @param source                   the standard's file: a NanoSight export or a trajectory file
 * @param cameraLevel              the camera level of the standard's videos; null when not known (trajectory files)
 * @param standard                 what the standard was, e.g. "100 nm polystyrene beads, lot 123"
 * @param statedConcentrationPerMl the standard's concentration as supplied, particles/mL
 * @param statedUncertaintyPercent the supplier's relative standard uncertainty, %; null when not stated
 * @param dilution                 how much the standard was diluted for the measurement
 * @param replicates               each video (or block of frames) with its particles per frame and the volume it alone gives
 * @param warnings                 what limits the trust in the volume
 * @param software                 what counted the particles (the NTA build, or Exotrace's reader)
 */
public record NtaCalibration(UUID id, String code, NtaSource source, String instrument, Integer cameraLevel, double framesPerSecond,
                             String standard, double statedConcentrationPerMl, Double statedUncertaintyPercent, double dilution,
                             LocalDate measuredOn, LocalDate validUntil, double detectionVolumePl, double uncertaintyPl,
                             double meanParticlesPerFrame, List<Replicate> replicates, List<String> warnings, String software,
                             String filename, long sizeBytes, String sha256, Status status, String withdrawnReason, String createdBy,
                             Instant createdAt) {

    public enum Status { ACTIVE, WITHDRAWN }

    /** One replicate count of the standard. */
    public record Replicate(String label, double particlesPerFrame, double volumePl) {}

    public NtaCalibration {
        replicates = replicates == null ? List.of() : List.copyOf(replicates);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** "186.0 ± 0.3 pL". */
    public String volumeText() {
        return String.format(Locale.ROOT, "%.1f ± %.1f pL", detectionVolumePl, uncertaintyPl);
    }

    /** "CAL-2026-0001 · NanoSight NS300 #1 · camera level 11 · 186.0 ± 0.3 pL · valid until 2027-02-01". */
    public String label() {
        return code + " · " + instrument + (cameraLevel == null ? "" : " · camera level " + cameraLevel) + " · " + volumeText()
                + " · valid until " + validUntil;
    }

    /** Whether it may be used for a measurement made on {@code day}: active, made on or before the day and not expired. */
    public boolean validOn(LocalDate day) {
        return status == Status.ACTIVE && !day.isBefore(measuredOn) && !day.isAfter(validUntil);
    }

    /** The snapshot a measurement keeps in its settings. */
    NtaSettings.Calibration snapshot() {
        return new NtaSettings.Calibration(id, code, detectionVolumePl, uncertaintyPl, source, instrument, cameraLevel, framesPerSecond,
                measuredOn, validUntil);
    }
}

package org.exotrace.characterization;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Texts;

/**
 * A calibration's fields as typed (form fields or multipart API parts), checked all at once so
 * that every mistake gets its own field message. For a NanoSight export the frame rate and camera
 * level come from the file (a camera level is chosen only when the export mixes levels) and the
 * dilution too when the export records it; for a trajectory file the frame rate and dilution are
 * typed and the camera level may be.
 *
 * @param statedUncertaintyPercent the standard's stated relative standard uncertainty in %, blank when not stated
 */
public record NtaCalibrationRequest(String source, String instrument, String cameraLevel, String fps, String standard,
                                    String statedConcentrationPerMl, String statedUncertaintyPercent, String dilution,
                                    String measuredOn, String validUntil) {

    /** A calibration is valid for at most this long after the standard was measured (a product decision, UNVERIFIED). */
    static final int MAX_VALIDITY_DAYS = 731;
    static final double MAX_CONCENTRATION_PER_ML = 1e16;

    /** The request checked and parsed. */
    record Parsed(NtaSource source, String instrument, Integer cameraLevel, Double fps, String standard, double statedPerMl,
                  Double statedUncertaintyPercent, Double dilution, LocalDate measuredOn, LocalDate validUntil) {}

    public static NtaCalibrationRequest blank() {
        return new NtaCalibrationRequest("NANOSIGHT", "", "", "", "", "", "", "", LocalDate.now().toString(), "");
    }

    Parsed parse() {
        Map<String, String> errors = new LinkedHashMap<>();
        FormFields f = new FormFields(errors);
        NtaSource kind = NtaSource.NANOSIGHT;
        if (!FormFields.blank(source)) {
            try {
                kind = NtaSource.valueOf(source.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put("source", "must be NANOSIGHT (an ExperimentSummary.csv) or TRACKS (a trajectory CSV)");
            }
        }
        Texts.check(errors, "instrument", instrument, 200, true);
        Texts.check(errors, "standard", standard, 300, true);
        Integer level = null;
        if (!FormFields.blank(cameraLevel)) {
            try {
                level = Integer.parseInt(cameraLevel.strip());
                if (level < 0 || level > 100) errors.put("cameraLevel", "must be from 0 to 100");
            } catch (NumberFormatException e) {
                errors.put("cameraLevel", "'" + cameraLevel + "' is not a whole number");
            }
        }
        Double rate = f.number("fps", fps, kind == NtaSource.TRACKS);
        if (rate != null && !(rate > 0 && rate <= 10_000)) errors.put("fps", "must be above 0 and at most 10000 fps");
        Double stated = f.number("statedConcentrationPerMl", statedConcentrationPerMl, true);
        if (stated != null && !(stated > 0 && stated <= MAX_CONCENTRATION_PER_ML)) {
            errors.put("statedConcentrationPerMl", "must be above 0 and at most 1E16 particles/mL");
        }
        Double uncertainty = f.number("statedUncertaintyPercent", statedUncertaintyPercent, false);
        if (uncertainty != null && !(uncertainty >= 0 && uncertainty <= 50)) {
            errors.put("statedUncertaintyPercent", "must be from 0 to 50 %");
        }
        Double factor = f.number("dilution", dilution, kind == NtaSource.TRACKS);
        if (factor != null && !(factor >= 1 && factor <= 1e9)) errors.put("dilution", "must be from 1 (undiluted) to 1E9");
        LocalDate measured = f.date("measuredOn", measuredOn);
        LocalDate valid = f.date("validUntil", validUntil);
        if (measured != null && measured.isAfter(LocalDate.now())) errors.put("measuredOn", "cannot be in the future");
        if (measured != null && valid != null) {
            if (!valid.isAfter(measured)) errors.put("validUntil", "must be after the day the standard was measured (" + measured + ")");
            else if (valid.isAfter(measured.plusDays(MAX_VALIDITY_DAYS))) {
                errors.put("validUntil", "a calibration is valid for at most two years; recalibrate by " + measured.plusDays(MAX_VALIDITY_DAYS));
            }
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid calibration", errors);
        return new Parsed(kind, instrument.strip(), level, rate, standard.strip(), stated, uncertainty, factor, measured, valid);
    }
}

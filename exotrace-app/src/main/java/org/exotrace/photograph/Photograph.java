package org.exotrace.photograph;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.exotrace.treatment.Side;

/**
 * A clinical photograph of a patient at a visit, as stored: without metadata, with the SHA-256 of
 * the stored bytes. The bytes themselves come from {@link Photographs#content}.
 *
 * @param planId      the treatment plan the visit belongs to, if any
 * @param visitLabel  e.g. "Baseline", "Session 2", "Follow-up 1"
 * @param orientation the EXIF orientation (1 to 8) the camera recorded, kept so the photograph can be shown upright
 * @param withheld    null while the patient's photographs consent is active; otherwise why the photograph is not shown
 */
public record Photograph(UUID id, UUID patientId, UUID planId, LocalDate takenOn, String visitLabel, StandardView view, Side side,
                         String contentType, int width, int height, int orientation, long sizeBytes, String sha256, String note,
                         String uploadedBy, Instant uploadedAt, String withheld) {

    /** True when the picture is turned a quarter (EXIF orientations 5 to 8), so width and height swap on screen. */
    public boolean quarterTurned() {
        return orientation >= 5;
    }
}

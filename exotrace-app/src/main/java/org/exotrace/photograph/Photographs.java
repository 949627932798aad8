package org.exotrace.photograph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.PatientConsent;
import org.exotrace.clinic.Patients;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Hashes;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.exotrace.treatment.Side;
import org.exotrace.treatment.TreatmentPlans;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinical photographs of patients, per visit and standard view. A photograph is accepted only
 * as a JPEG or PNG (recognised by its bytes, proved by decoding it), of at most 15 MB, taken on a
 * day the patient's photographs consent was active and while it still is. Its metadata (EXIF with
 * GPS position and camera, XMP, IPTC, comments, text chunks) is removed before it is stored,
 * without re-encoding the pixels; the SHA-256 kept is that of the stored bytes.
 *
 * <p>Like {@link Patients}, everything here is for the staff of the patient's clinic only; to
 * anyone else the photographs do not exist. Once the photographs consent is withdrawn (and no
 * other is active) the photographs are withheld: listed with the reason, their bytes not served.
 * The audit trail names the patient's pseudonym, the view and the visit, never the patient.
 */
@Service
public class Photographs {

    /** A photograph's description as entered; {@code view} and {@code side} name constants of {@link StandardView} and {@link Side}. */
    public record NewPhotograph(UUID planId, LocalDate takenOn, String visitLabel, String view, String side, String note) {}

    /** The stored bytes of a photograph, to serve with their content type. */
    public record Content(String contentType, byte[] bytes, String sha256) {}

    /** The largest file accepted, in bytes (15 MB). */
    public static final int MAX_BYTES = 15 * 1024 * 1024;

    /** Above this many pixels a file is refused before it is decoded: a small file may declare a huge image. */
    static final long MAX_PIXELS = 60_000_000L;

    /** The most pixels a check decodes into memory. */
    private static final long DECODED_PIXELS = 4_000_000L;

    private static final String COLUMNS = """
            id, patient_id, plan_id, taken_on, visit_label, standard_view, side, content_type, width, height, orientation,
            size_bytes, sha256, note, uploaded_by, uploaded_at""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Patients patients;
    private final TreatmentPlans plans;

    Photographs(JdbcClient jdbc, ApplicationEventPublisher events, Patients patients, TreatmentPlans plans) {
        this.jdbc = jdbc;
        this.events = events;
        this.patients = patients;
        this.plans = plans;
    }

    /**
     * Stores a photograph of the patient without its metadata.
     *
     * @throws DomainProblem invalid input with a message per field (file, view, side, takenOn, visitLabel, note, planId);
     *                       a rule violation when no photographs consent covers the day it was taken and today;
     *                       a conflict when the same picture is already stored for the patient
     */
    @Transactional
    public Photograph upload(UUID patientId, NewPhotograph p, byte[] content) {
        Patient patient = patients.get(patientId);
        Map<String, String> errors = new LinkedHashMap<>();
        StandardView view = Choices.parse(StandardView.class, p.view(), "view", errors);
        Side side = Texts.blankToNull(p.side()) == null ? Side.BOTH : Choices.parse(Side.class, p.side(), "side", errors);
        if (p.takenOn() == null) errors.put("takenOn", "is required");
        else if (p.takenOn().isAfter(LocalDate.now())) errors.put("takenOn", "cannot be in the future");
        text(errors, "visitLabel", p.visitLabel(), 60, true);
        text(errors, "note", p.note(), 1000, false);
        if (p.planId() != null && plans.forPatient(patientId).stream().noneMatch(plan -> plan.id().equals(p.planId()))) {
            errors.put("planId", "is not one of this patient's treatment plans");
        }
        ImageMetadata.Stripped stripped = null;
        int[] size = null;
        if (content == null || content.length == 0) {
            errors.put("file", "choose a JPEG or PNG photograph");
        } else if (tooLarge(content.length).isPresent()) {
            errors.put("file", tooLarge(content.length).get());
        } else if (ImageMetadata.sniff(content) == null) {
            errors.put("file", "is not a JPEG or PNG image (its content was checked, not its name)");
        } else {
            try {
                stripped = ImageMetadata.strip(content);
                size = decode(stripped.content());
            } catch (ImageMetadata.MalformedImage e) {
                errors.put("file", e.getMessage());
            }
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid photograph", errors);

        requireConsent(patientId, p.takenOn());
        String sha256 = Hashes.sha256(stripped.content());
        jdbc.sql("select visit_label, taken_on from patient_photograph where patient_id = ? and sha256 = ?").params(patientId, sha256)
                .query((rs, n) -> rs.getString(1) + " (" + rs.getDate(2).toLocalDate() + ")").optional().ifPresent(visit -> {
                    throw DomainProblem.conflict("This photograph is already stored for the patient, at visit " + visit + ".");
                });
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into patient_photograph (id, patient_id, plan_id, taken_on, visit_label, standard_view, side, content_type, width, height, "
                        + "orientation, size_bytes, sha256, content, note, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, patientId, p.planId(), Date.valueOf(p.takenOn()), p.visitLabel().strip(), view.name(), side.name(),
                        stripped.format().contentType(), size[0], size[1], stripped.orientation(), stripped.content().length, sha256,
                        stripped.content(), Texts.blankToNull(p.note()), Actors.current())
                .update();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("patient", patient.pseudonym());
        audit.put("visit", p.visitLabel().strip());
        audit.put("takenOn", p.takenOn().toString());
        audit.put("view", view.name());
        audit.put("side", side.name());
        audit.put("contentType", stripped.format().contentType());
        audit.put("sha256", sha256);
        audit.put("metadata", "removed before storage");
        events.publishEvent(RecordChanged.created("patient_photograph", id, audit));
        return get(id);
    }

    /** The message for a file of this many bytes when it is over {@link #MAX_BYTES}: callers check before reading a large upload. */
    public static Optional<String> tooLarge(long bytes) {
        return bytes <= MAX_BYTES ? Optional.empty()
                : Optional.of(String.format(Locale.ROOT, "is %.1f MB; a photograph may be at most 15 MB", bytes / 1048576.0));
    }

    /** The patient's photographs (without their bytes), by the day they were taken, then view. */
    @Transactional(readOnly = true)
    public List<Photograph> forPatient(UUID patientId) {
        patients.get(patientId);
        String withheld = withheld(patientId);
        return jdbc.sql("select " + COLUMNS + " from patient_photograph where patient_id = ? order by taken_on, visit_label, standard_view, uploaded_at")
                .param(patientId).query((rs, n) -> photograph(rs, withheld)).list();
    }

    /** One photograph, for the staff of the patient's clinic; "not found" for anyone else. */
    @Transactional(readOnly = true)
    public Photograph get(UUID photoId) {
        UUID patientId = jdbc.sql("select patient_id from patient_photograph where id = ?").param(photoId).query(UUID.class).optional()
                .orElseThrow(() -> DomainProblem.notFound("Photograph", photoId));
        patients.ofRecord(patientId, "Photograph", photoId);
        String withheld = withheld(patientId);
        return jdbc.sql("select " + COLUMNS + " from patient_photograph where id = ?").param(photoId).query((rs, n) -> photograph(rs, withheld))
                .single();
    }

    /**
     * The stored bytes of a photograph, for the staff of the patient's clinic.
     *
     * @throws DomainProblem not found for anyone else; a rule violation when the photograph is withheld
     */
    @Transactional(readOnly = true)
    public Content content(UUID photoId) {
        Photograph p = get(photoId);
        if (p.withheld() != null) throw DomainProblem.ruleViolation("Photograph withheld", List.of(p.withheld()));
        return jdbc.sql("select content_type, content, sha256 from patient_photograph where id = ?").param(photoId)
                .query((rs, n) -> new Content(rs.getString(1), rs.getBytes(2), rs.getString(3))).single();
    }

    /**
     * The patient's photographs grouped by visit, visits in the order of their first photograph.
     * Each visit's day is the earliest day a photograph of it was taken.
     */
    public static List<Visit> byVisit(List<Photograph> photographs) {
        Map<String, List<Photograph>> groups = new LinkedHashMap<>();
        photographs.stream().sorted(Comparator.comparing(Photograph::takenOn).thenComparing(Photograph::uploadedAt))
                .forEach(ph -> groups.computeIfAbsent(ph.visitLabel(), k -> new ArrayList<>()).add(ph));
        return groups.entrySet().stream().map(e -> new Visit(e.getKey(), e.getValue().get(0).takenOn(), List.copyOf(e.getValue()))).toList();
    }

    /** The photographs of one visit. */
    public record Visit(String label, LocalDate firstTakenOn, List<Photograph> photographs) {

        /** The visit's most recently uploaded photograph of this view (whole area preferred over one side), if any. */
        public Optional<Photograph> of(StandardView view) {
            return photographs.stream().filter(p -> p.view() == view)
                    .max(Comparator.comparing((Photograph p) -> p.side() == Side.BOTH).thenComparing(Photograph::uploadedAt));
        }
    }

    private void requireConsent(UUID patientId, LocalDate takenOn) {
        List<PatientConsent> consents = patients.consents(patientId).stream().filter(c -> c.kind() == PatientConsent.Kind.PHOTOGRAPHS).toList();
        LocalDate today = LocalDate.now();
        if (consents.stream().anyMatch(c -> c.activeOn(takenOn) && c.activeOn(today))) return;
        List<String> reasons = new ArrayList<>();
        if (consents.isEmpty()) {
            reasons.add("The patient has no photographs consent on record: record the signed photographs consent before uploading photographs.");
        }
        for (PatientConsent c : consents) {
            if (c.withdrawnOn() != null && !c.withdrawnOn().isAfter(today)) {
                reasons.add("The photographs consent on form " + c.formVersion() + " (signed " + c.signedOn() + ") was withdrawn on "
                        + c.withdrawnOn() + ": no photographs may be added under it.");
            } else if (c.signedOn().isAfter(takenOn)) {
                reasons.add("The photographs consent on form " + c.formVersion() + " was signed on " + c.signedOn()
                        + ", after the photograph was taken (" + takenOn + ").");
            }
        }
        throw DomainProblem.ruleViolation("No active photographs consent", reasons);
    }

    /** Null while a photographs consent is active today; otherwise why the patient's photographs are not shown. */
    private String withheld(UUID patientId) {
        LocalDate today = LocalDate.now();
        List<PatientConsent> consents = patients.consents(patientId).stream().filter(c -> c.kind() == PatientConsent.Kind.PHOTOGRAPHS).toList();
        if (consents.stream().anyMatch(c -> c.activeOn(today))) return null;
        return consents.stream().filter(c -> c.withdrawnOn() != null).max(Comparator.comparing(PatientConsent::withdrawnOn))
                .map(c -> "The patient withdrew the photographs consent (form " + c.formVersion() + ") on " + c.withdrawnOn() + ".")
                .orElse("No photographs consent of the patient is active.");
    }

    /**
     * Width and height of the image, once all of its data decoded without error. Reads the header
     * first and refuses an image of more than {@link #MAX_PIXELS}; a decoder warning (a truncated
     * or corrupt scan) refuses the file too. Large images are decoded subsampled to at most about
     * {@link #DECODED_PIXELS}: every compressed byte is still decoded, the memory stays small.
     */
    private static int[] decode(byte[] content) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new ImageMetadata.MalformedImage("could not be read as an image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (pixels > MAX_PIXELS) {
                    throw new ImageMetadata.MalformedImage("has " + reader.getWidth(0) + " x " + reader.getHeight(0)
                            + " pixels; at most 60 megapixels are accepted");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt((double) pixels / DECODED_PIXELS));
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                if (!warnings.isEmpty()) throw new ImageMetadata.MalformedImage("is damaged: " + warnings.get(0));
                return new int[] {width, height};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageMetadata.MalformedImage m) throw m;
            throw new ImageMetadata.MalformedImage("could not be decoded as an image" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    private static void text(Map<String, String> errors, String field, String value, int max, boolean required) {
        try {
            Texts.check(field, value, max, required);
        } catch (DomainProblem p) {
            errors.putAll(p.fieldErrors());
        }
    }

    private static Photograph photograph(ResultSet rs, String withheld) throws SQLException {
        return new Photograph(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getDate("taken_on").toLocalDate(), rs.getString("visit_label"), StandardView.valueOf(rs.getString("standard_view")),
                Side.valueOf(rs.getString("side")), rs.getString("content_type"), rs.getInt("width"), rs.getInt("height"), rs.getInt("orientation"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("note"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant(), withheld);
    }
}

package org.exotrace.characterization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.nta.NtaVersion;
import org.exotrace.nta.concentration.Concentration;
import org.exotrace.nta.concentration.DetectionVolumeCalibration;
import org.exotrace.nta.concentration.Dilution;
import org.exotrace.nta.concentration.FrameCounts;
import org.exotrace.nta.concentration.NanoSightCalibration;
import org.exotrace.nta.io.NanoSightSummary;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryFormatException;
import org.exotrace.nta.io.TrajectoryReader;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Hashes;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Detection-volume calibrations of NTA set-ups. A calibration is made from a measured particle
 * standard: a NanoSight export of its videos (each video one replicate, the instrument's particles
 * per frame) or a trajectory file (five blocks of frames, Exotrace's count of positions per frame),
 * with the standard's stated concentration and the dilution it was measured at. The volume is
 * estimated by the science library ({@link DetectionVolumeCalibration}); the file is kept with its
 * SHA-256. Calibrations are never changed: a wrong one is withdrawn with a reason, and measurements
 * keep the snapshot of the calibration they used.
 */
@Service
public class NtaCalibrations {

    /** The standard's file may be at most this large (it is kept in the row). */
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    /** Blocks of frames a trajectory file of the standard is split into, as replicates. */
    static final int TRACK_BLOCKS = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    NtaCalibrations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Estimates the detection volume from the standard's file and stores the calibration; nothing is stored when anything is wrong. */
    @Transactional
    public NtaCalibration create(NtaCalibrationRequest request, NtaMeasurements.Upload upload) {
        NtaCalibrationRequest.Parsed p = request.parse();
        if (upload == null || upload.file() == null) throw DomainProblem.invalid("file", "choose the standard's file");
        byte[] content;
        try {
            long size = Files.size(upload.file());
            if (size == 0) throw DomainProblem.invalid("file", "the file is empty");
            if (size > MAX_FILE_BYTES) throw DomainProblem.invalid("file", "the file is larger than 50 MB");
            content = Files.readAllBytes(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        Estimate e = p.source() == NtaSource.NANOSIGHT ? fromNanoSight(upload.file(), p) : fromTracks(upload.file(), p);
        DetectionVolumeCalibration.Result r = e.result();
        List<NtaCalibration.Replicate> replicates = new ArrayList<>();
        for (int i = 0; i < r.replicates().size(); i++) {
            replicates.add(new NtaCalibration.Replicate(r.replicates().get(i).label(), r.replicates().get(i).particlesPerFrame(),
                    r.replicateVolumesPl().get(i)));
        }
        UUID id = UUID.randomUUID();
        String filename = safeName(upload.filename());
        jdbc.sql("""
                insert into nta_calibration (id, code, source, instrument, camera_level, frame_rate_fps, standard, stated_concentration_per_ml,
                  stated_uncertainty_percent, dilution, measured_on, valid_until, detection_volume_pl, uncertainty_pl, mean_particles_per_frame,
                  replicates, warnings, software, filename, size_bytes, sha256, content, status, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
                .params(id, nextCode(p.measuredOn().getYear()), p.source().name(), p.instrument(), e.cameraLevel(), e.fps(), p.standard(),
                        p.statedPerMl(), p.statedUncertaintyPercent(), r.dilution().factor(), p.measuredOn(), p.validUntil(),
                        r.volume().picolitres(), r.standardUncertaintyPl(), r.meanParticlesPerFrame(), JSON.writeValueAsString(replicates),
                        JSON.writeValueAsString(r.warnings()), e.software(), filename, content.length, Hashes.sha256(content), content,
                        Actors.current())
                .update();
        NtaCalibration created = get(id);
        events.publishEvent(RecordChanged.created("nta_calibration", id, snapshot(created)));
        return created;
    }

    /** Withdraws a calibration (it is kept): it is offered no longer, and measurements that used it keep saying so. */
    @Transactional
    public NtaCalibration withdraw(UUID id, String reason) {
        NtaCalibration before = get(id);
        if (before.status() == NtaCalibration.Status.WITHDRAWN) throw DomainProblem.conflict(before.code() + " is already withdrawn.");
        Texts.check("reason", reason, 1000, true);
        jdbc.sql("update nta_calibration set status = 'WITHDRAWN', withdrawn_reason = ? where id = ?").params(reason.strip(), id).update();
        NtaCalibration after = get(id);
        events.publishEvent(RecordChanged.changed("nta_calibration", id, "WITHDRAW", Map.of("status", "ACTIVE"),
                Map.of("status", "WITHDRAWN"), reason.strip()));
        return after;
    }

    @Transactional(readOnly = true)
    public NtaCalibration get(UUID id) {
        return find(id).orElseThrow(() -> DomainProblem.notFound("NTA calibration", id));
    }

    @Transactional(readOnly = true)
    public Optional<NtaCalibration> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(NtaCalibrations::calibration).optional();
    }

    /** Every calibration, newest first. */
    @Transactional(readOnly = true)
    public List<NtaCalibration> all() {
        return jdbc.sql(SELECT + " order by created_at desc, code desc").query(NtaCalibrations::calibration).list();
    }

    /** The calibrations an upload may choose: not withdrawn, newest first (an expired one is offered, and warned about). */
    @Transactional(readOnly = true)
    public List<NtaCalibration> active() {
        return all().stream().filter(c -> c.status() == NtaCalibration.Status.ACTIVE).toList();
    }

    /** The standard's file as uploaded. */
    @Transactional(readOnly = true)
    public byte[] file(UUID id) {
        return jdbc.sql("select content from nta_calibration where id = ?").param(id).query(byte[].class).optional()
                .orElseThrow(() -> DomainProblem.notFound("NTA calibration", id));
    }

    private record Estimate(DetectionVolumeCalibration.Result result, double fps, Integer cameraLevel, String software) {}

    private static Estimate fromNanoSight(Path file, NtaCalibrationRequest.Parsed p) {
        NanoSightSummary summary;
        try {
            summary = NanoSightSummary.read(file);
        } catch (IOException e) {
            throw DomainProblem.invalid("file", e.getMessage() == null ? "not a NanoSight ExperimentSummary.csv" : e.getMessage());
        }
        try {
            NanoSightCalibration c = NanoSightCalibration.of(summary, Concentration.perMillilitre(p.statedPerMl()), relative(p),
                    p.dilution() == null ? null : Dilution.of(p.dilution()), p.cameraLevel());
            if (p.fps() != null && Math.abs(p.fps() - c.framesPerSecond()) > 0.005 * c.framesPerSecond()) {
                throw DomainProblem.invalid("fps", "the export was recorded at " + NtaSettings.plain(c.framesPerSecond())
                        + " fps; leave the frame rate empty or give the export's");
            }
            return new Estimate(c.calibration(), c.framesPerSecond(), c.cameraLevel(), c.software());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String field = message.contains("camera level") ? "cameraLevel" : message.contains("dilution") ? "dilution" : "file";
            throw DomainProblem.invalid(field, message);
        }
    }

    private static Estimate fromTracks(Path file, NtaCalibrationRequest.Parsed p) {
        FrameCounts counts = new FrameCounts();
        try {
            new TrajectoryReader(TrajectoryFormat.trackpy()).read(file, counts);
        } catch (TrajectoryFormatException e) {
            throw DomainProblem.invalid("file", e.getMessage());
        } catch (IOException e) {
            throw DomainProblem.invalid("file", "the file could not be read as a UTF-8 trajectory CSV: " + e.getMessage());
        }
        try {
            DetectionVolumeCalibration.Result r = DetectionVolumeCalibration.estimate(counts.blocks(TRACK_BLOCKS),
                    Concentration.perMillilitre(p.statedPerMl()), relative(p), Dilution.of(p.dilution()));
            return new Estimate(r, p.fps(), p.cameraLevel(), NtaVersion.NAME + " (positions per frame of the trajectory file)");
        } catch (IllegalArgumentException e) {
            throw DomainProblem.invalid("file", e.getMessage());
        }
    }

    private static double relative(NtaCalibrationRequest.Parsed p) {
        return p.statedUncertaintyPercent() == null ? 0 : p.statedUncertaintyPercent() / 100;
    }

    private String nextCode(int year) {
        long n = jdbc.sql("""
                insert into nta_calibration_sequence (year, last) values (?, 1)
                on conflict (year) do update set last = nta_calibration_sequence.last + 1 returning last""")
                .param(year).query(Long.class).single();
        return String.format("CAL-%d-%04d", year, n);
    }

    private static String safeName(String name) {
        String n = name == null || name.isBlank() ? "standard.csv" : name.replaceAll("[\\\\/\\r\\n\\x00-\\x1f]", "_");
        return n.length() > 255 ? n.substring(n.length() - 255) : n;
    }

    private static Map<String, Object> snapshot(NtaCalibration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("instrument", c.instrument());
        m.put("cameraLevel", c.cameraLevel());
        m.put("fps", c.framesPerSecond());
        m.put("standard", c.standard());
        m.put("statedConcentrationPerMl", c.statedConcentrationPerMl());
        m.put("dilution", c.dilution());
        m.put("detectionVolumePl", c.detectionVolumePl());
        m.put("uncertaintyPl", c.uncertaintyPl());
        m.put("measuredOn", c.measuredOn().toString());
        m.put("validUntil", c.validUntil().toString());
        m.put("file", c.filename());
        m.put("sha256", c.sha256());
        return m;
    }

    private static final String SELECT = """
            select id, code, source, instrument, camera_level, frame_rate_fps, standard, stated_concentration_per_ml, stated_uncertainty_percent,
              dilution, measured_on, valid_until, detection_volume_pl, uncertainty_pl, mean_particles_per_frame, replicates, warnings, software,
              filename, size_bytes, sha256, status, withdrawn_reason, created_by, created_at from nta_calibration""";

    private static NtaCalibration calibration(ResultSet rs, int n) throws SQLException {
        return new NtaCalibration(rs.getObject("id", UUID.class), rs.getString("code"), NtaSource.valueOf(rs.getString("source")),
                rs.getString("instrument"), (Integer) rs.getObject("camera_level"), rs.getDouble("frame_rate_fps"), rs.getString("standard"),
                rs.getDouble("stated_concentration_per_ml"), (Double) rs.getObject("stated_uncertainty_percent"), rs.getDouble("dilution"),
                rs.getObject("measured_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class), rs.getDouble("detection_volume_pl"),
                rs.getDouble("uncertainty_pl"), rs.getDouble("mean_particles_per_frame"),
                JSON.readValue(rs.getString("replicates"), new TypeReference<List<NtaCalibration.Replicate>>() {}),
                JSON.readValue(rs.getString("warnings"), new TypeReference<List<String>>() {}), rs.getString("software"),
                rs.getString("filename"), rs.getLong("size_bytes"), rs.getString("sha256"),
                NtaCalibration.Status.valueOf(rs.getString("status")), rs.getString("withdrawn_reason"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}

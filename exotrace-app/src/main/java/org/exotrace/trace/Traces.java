package org.exotrace.trace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exotrace.batch.Batch;
import org.exotrace.batch.Batches;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotFamily;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.batch.Units;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Role;
import org.exotrace.supply.UnitWhereabouts;
import org.exotrace.supply.UnitWhereabouts.Whereabouts;
import org.exotrace.treatment.Sessions;
import org.exotrace.treatment.Sessions.UnitUse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the trace both ways with a fixed number of set-based queries, whatever the size of the
 * tree: the lineage in one recursive query, then the units, their whereabouts, their uses and the
 * patients' pseudonyms each in one query over the whole set.
 */
@Service
public class Traces {

    /** The roles that see the whole network (under pseudonyms); a clinician alone sees only their clinics' units. */
    static final Role[] WHOLE_NETWORK = {Role.LAB_ANALYST, Role.QA_RELEASER, Role.COMPLIANCE_OFFICER};

    private final Lots lots;
    private final Units units;
    private final Batches batches;
    private final Donors donors;
    private final UnitWhereabouts whereabouts;
    private final Sessions sessions;
    private final Patients patients;
    private final Clinics clinics;

    Traces(Lots lots, Units units, Batches batches, Donors donors, UnitWhereabouts whereabouts, Sessions sessions, Patients patients,
           Clinics clinics) {
        this.lots = lots;
        this.units = units;
        this.batches = batches;
        this.donors = donors;
        this.whereabouts = whereabouts;
        this.sessions = sessions;
        this.patients = patients;
        this.clinics = clinics;
    }

    /** Forward from the lot with this code: "which patients received units of this lot, or of lots derived or pooled from it?" */
    @Transactional(readOnly = true)
    public LotTrace forward(String lotCode) {
        Lot lot = lots.findByCode(lotCode).orElseThrow(() -> DomainProblem.notFound("Lot", lotCode));
        Forward f = forward(List.of(lot));
        return new LotTrace(f.roots().get(0), f.recipients(), f.lotCount(), f.unitCount(), f.outside());
    }

    /**
     * Forward from a donor: every lot made from the donor's batches, and the lots derived or pooled
     * from them, to the patients treated. Only the roles that may identify donors trace by a donor's
     * code; to anyone else the code does not exist.
     */
    @Transactional(readOnly = true)
    public SourceTrace forwardFromDonor(String donorCode) {
        Donor donor = (Donors.mayIdentifyDonors() ? donors.findByCode(donorCode) : Optional.<Donor>empty())
                .orElseThrow(() -> DomainProblem.notFound("Donor", donorCode));
        List<Lot> primary = batches.ofDonor(donor.id()).stream().flatMap(b -> lots.ofBatch(b.id()).stream()).toList();
        return new SourceTrace(SourceTrace.From.DONOR, donor.code().value(), forward(primary));
    }

    /** Forward from an isolation batch: its lots, the lots made from them, to the patients treated. */
    @Transactional(readOnly = true)
    public SourceTrace forwardFromBatch(String batchCode) {
        Batch batch = batches.findByCode(batchCode).orElseThrow(() -> DomainProblem.notFound("Batch", batchCode));
        return new SourceTrace(SourceTrace.From.BATCH, batch.code(), forward(lots.ofBatch(batch.id())));
    }

    /** The lots a forward trace starts from with their trees, and the recipients and counts over all of them. */
    record Forward(List<LotTrace.Node> roots, List<LotTrace.Recipient> recipients, int lotCount, int unitCount, int outside) {}

    /**
     * One recursive query per starting lot for its descendants, then the units, their whereabouts,
     * their uses and the patients of all the trees together, each in one query. A lot reached from two
     * starting lots (a pool of both) is given once and marked as shown above at its other places.
     */
    private Forward forward(List<Lot> starts) {
        List<LotFamily> families = starts.stream().map(l -> lots.descendants(l.id())).toList();
        Map<UUID, Lot> lotsById = new LinkedHashMap<>();
        families.forEach(f -> lotsById.putAll(f.lots()));
        List<LotUnit> all = units.ofLots(lotsById.keySet());
        Map<UUID, Whereabouts> where = whereabouts.of(all.stream().map(LotUnit::id).toList());
        Scope scope = scope();
        List<LotUnit> shown = all.stream().filter(u -> scope.sees(where.get(u.id()))).toList();
        Map<UUID, UUID> lotOf = shown.stream().collect(Collectors.toMap(LotUnit::id, LotUnit::lotId));
        Map<UUID, List<TracedUnit>> byLot = new LinkedHashMap<>();
        traced(shown, where, scope, lotsById).forEach(t -> byLot.computeIfAbsent(lotOf.get(t.id()), k -> new ArrayList<>()).add(t));
        Set<UUID> placed = new HashSet<>();
        List<LotTrace.Node> roots = families.stream().map(f -> node(f.root(), f, byLot, placed)).toList();
        return new Forward(roots, recipients(byLot.values().stream().flatMap(List::stream).toList()), lotsById.size(), shown.size(),
                all.size() - shown.size());
    }

    /** Backward from the unit with this code: its lot, the lots it was made from, their batches and donors. */
    @Transactional(readOnly = true)
    public UnitTrace backward(String unitCode) {
        LotUnit unit = lots.unitByCode(unitCode).orElseThrow(() -> DomainProblem.notFound("Unit", unitCode));
        Map<UUID, Whereabouts> where = whereabouts.of(List.of(unit.id()));
        Scope scope = scope();
        // to a clinician a unit of another clinic does not exist
        if (!scope.sees(where.get(unit.id()))) throw DomainProblem.notFound("Unit", unitCode);
        LotFamily family = lots.ancestors(unit.lotId());
        Map<UUID, Donor> donorsById = new LinkedHashMap<>();
        Map<UUID, Batch> batchesById = new LinkedHashMap<>();
        for (Lot l : family.lots().values()) {
            if (l.batchId() == null) continue;
            batches.find(l.batchId()).ifPresent(b -> {
                batchesById.put(b.id(), b);
                donors.find(b.donorId()).ifPresent(d -> donorsById.put(d.id(), d));
            });
        }
        boolean identify = Donors.mayIdentifyDonors();
        Function<Donor, UnitTrace.DonorRef> donorRef = d -> new UnitTrace.DonorRef(identify ? d.id() : null, identify ? d.code().display() : null,
                d.sourceType());
        TracedUnit traced = traced(List.of(unit), where, scope, family.lots()).get(0);
        UnitTrace.Node lot = ancestors(family.root(), family, batchesById, donorsById, donorRef, new HashSet<>());
        return new UnitTrace(traced, lot, donorsById.values().stream().map(donorRef).toList());
    }

    /**
     * Backward from a recorded session: the trace of the unit it used. A session of another clinic
     * does not exist to a clinician, as for units.
     */
    @Transactional(readOnly = true)
    public UnitTrace backwardFromSession(UUID sessionId) {
        UnitUse use = sessions.useOf(sessionId).filter(u -> scope().seesClinic(u.clinicId()))
                .orElseThrow(() -> DomainProblem.notFound("Session", sessionId));
        return backward(use.unitCode());
    }

    /**
     * Backward from a patient, by pseudonym: every unit the patient received, each traced to its lots,
     * batches and donors (the look-back after an adverse event). A clinician traces only the patients of the clinics they work at.
     */
    @Transactional(readOnly = true)
    public PatientTrace backwardFromPatient(String pseudonym) {
        Patients.Pseudonymous patient = patients.byPseudonym(pseudonym).filter(p -> scope().seesClinic(p.clinicId()))
                .orElseThrow(() -> DomainProblem.notFound("Patient", pseudonym));
        List<UnitTrace> received = sessions.usesByPatient(patient.id()).stream().map(UnitUse::unitCode).distinct().map(this::backward).toList();
        return new PatientTrace(patientRefs(List.of(patient.id())).get(patient.id()), clinics.get(patient.clinicId()).name(), received);
    }

    /** Who sees what: the whole network, or only the units shipped to the clinics the caller works at. */
    private record Scope(Set<UUID> clinicIds) {

        boolean sees(Whereabouts w) {
            return clinicIds == null || w != null && clinicIds.contains(w.clinicId());
        }

        boolean seesClinic(UUID clinicId) {
            return clinicIds == null || clinicIds.contains(clinicId);
        }
    }

    private Scope scope() {
        if (Actors.holdsAny(WHOLE_NETWORK)) return new Scope(null);
        return new Scope(clinics.mine().stream().map(Clinic::id).collect(Collectors.toSet()));
    }

    private List<TracedUnit> traced(List<LotUnit> shown, Map<UUID, Whereabouts> where, Scope scope, Map<UUID, Lot> lotsById) {
        List<UnitUse> uses = sessions.usesOf(shown.stream().map(LotUnit::id).toList()).stream()
                .filter(u -> scope.clinicIds() == null || scope.clinicIds().contains(u.clinicId())).toList();
        Map<UUID, PatientRef> refs = patientRefs(uses.stream().map(UnitUse::patientId).collect(Collectors.toSet()));
        Map<UUID, List<TracedUnit.Use>> usesByUnit = new LinkedHashMap<>();
        for (UnitUse u : uses) {
            usesByUnit.computeIfAbsent(u.unitId(), k -> new ArrayList<>())
                    .add(new TracedUnit.Use(u.sessionId(), u.performedOn(), u.clinicId(), refs.get(u.patientId())));
        }
        return shown.stream().map(u -> {
            Whereabouts w = where.get(u.id());
            TracedUnit.Shipment shipment = w == null ? null
                    : new TracedUnit.Shipment(w.shipmentId(), w.clinicId(), w.clinicName(), w.shippedOn(), w.receivedOn());
            return new TracedUnit(u.id(), u.code(), lotsById.get(u.lotId()).code(), u.volumeMl(),
                    u.destroyed() ? u.destruction().on() : null, shipment, usesByUnit.getOrDefault(u.id(), List.of()));
        }).toList();
    }

    /** Pseudonyms for all; the name where the caller works at the patient's clinic. */
    private Map<UUID, PatientRef> patientRefs(Collection<UUID> ids) {
        Map<UUID, String> names = patients.identifiable(ids).stream()
                .collect(Collectors.toMap(Patient::id, p -> p.givenName() + " " + p.familyName()));
        Map<UUID, PatientRef> refs = new LinkedHashMap<>();
        patients.pseudonyms(ids).forEach(p -> refs.put(p.id(), new PatientRef(p.pseudonym(), names.get(p.id()))));
        return refs;
    }

    private static LotTrace.Node node(Lot lot, LotFamily family, Map<UUID, List<TracedUnit>> byLot, Set<UUID> shown) {
        if (!shown.add(lot.id())) {
            return new LotTrace.Node(lot.id(), lot.code(), lot.kind(), lot.productCode(), lot.state(), List.of(), List.of(), true);
        }
        List<LotTrace.Node> children = family.children(lot.id()).stream().map(c -> node(c, family, byLot, shown)).toList();
        return new LotTrace.Node(lot.id(), lot.code(), lot.kind(), lot.productCode(), lot.state(), byLot.getOrDefault(lot.id(), List.of()),
                children, false);
    }

    private static UnitTrace.Node ancestors(Lot lot, LotFamily family, Map<UUID, Batch> batchesById, Map<UUID, Donor> donorsById,
                                            Function<Donor, UnitTrace.DonorRef> donorRef, Set<UUID> seen) {
        Batch b = lot.batchId() == null ? null : batchesById.get(lot.batchId());
        UnitTrace.BatchRef batch = b == null ? null : new UnitTrace.BatchRef(b.id(), b.code(), b.method(), b.startedOn(),
                donorsById.containsKey(b.donorId()) ? donorRef.apply(donorsById.get(b.donorId())) : null);
        List<UnitTrace.Node> parents = seen.add(lot.id())
                ? family.parents(lot.id()).stream().map(p -> ancestors(p, family, batchesById, donorsById, donorRef, seen)).toList() : List.of();
        return new UnitTrace.Node(lot.id(), lot.code(), lot.kind(), lot.productCode(), lot.state(), batch, parents);
    }

    /** One line per patient, in pseudonym order, with the units they received. */
    private static List<LotTrace.Recipient> recipients(List<TracedUnit> units) {
        Map<String, List<String>> codes = new TreeMap<>();
        Map<String, PatientRef> refs = new LinkedHashMap<>();
        Map<String, String> clinicNames = new LinkedHashMap<>();
        for (TracedUnit u : units) {
            for (TracedUnit.Use use : u.uses()) {
                String key = use.patient().pseudonym();
                refs.put(key, use.patient());
                clinicNames.put(key, u.shipment() == null ? null : u.shipment().clinicName());
                codes.computeIfAbsent(key, k -> new ArrayList<>()).add(u.code());
            }
        }
        return codes.entrySet().stream().map(e -> new LotTrace.Recipient(refs.get(e.getKey()), clinicNames.get(e.getKey()),
                List.copyOf(new LinkedHashSet<>(e.getValue())))).toList();
    }
}

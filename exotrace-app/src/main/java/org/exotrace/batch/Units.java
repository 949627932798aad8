package org.exotrace.batch;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Page;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units collection across lots: find units by lot, expiry and destruction, page by page, and
 * destroy a unit the lab still holds (a cracked ampoule, a failed visual inspection) with a reason.
 * Where a unit went after it left the lab is not known here: modules that move units out of the
 * lab answer {@link UnitCustody}.
 */
@Service
public class Units {

    /**
     * Which units to list; every criterion is optional (null means any).
     *
     * @param lotCode     part of the lot's code, matched literally and case-insensitively
     * @param destroyed   only destroyed units, or only units not destroyed
     * @param expiredOn   with {@code expired}: the day against which the lot's expiry is judged
     * @param expired     only units of lots expired on {@code expiredOn}, or only units of lots not expired then
     * @param onlyIds     only these units (e.g. those shipped to one clinic); an empty set lists nothing
     * @param exceptIds   none of these units
     */
    public record Query(String lotCode, Boolean destroyed, LocalDate expiredOn, Boolean expired, Set<UUID> onlyIds, Set<UUID> exceptIds) {

        public static Query all() {
            return new Query(null, null, null, null, null, null);
        }
    }

    /** A unit with the lot it was filled from. */
    public record Listed(LotUnit unit, Lot lot) {}

    private final UnitRepository repository;
    private final LotRepository lots;
    private final List<UnitCustody> custodians;
    private final ApplicationEventPublisher events;

    Units(UnitRepository repository, LotRepository lots, List<UnitCustody> custodians, ApplicationEventPublisher events) {
        this.repository = repository;
        this.lots = lots;
        this.custodians = custodians;
        this.events = events;
    }

    /** Units matching the query, the newest lots first and each lot's units in order. */
    @Transactional(readOnly = true)
    public Page<Listed> search(Query query, Page.Request page) {
        Page<LotUnit> found = repository.search(query, page);
        Map<UUID, Lot> byId = new LinkedHashMap<>();
        found.rows().forEach(u -> byId.computeIfAbsent(u.lotId(), id -> lots.find(id).orElseThrow()));
        return found.map(u -> new Listed(u, byId.get(u.lotId())));
    }

    @Transactional(readOnly = true)
    public LotUnit get(UUID id) {
        return repository.find(id).orElseThrow(() -> DomainProblem.notFound("Unit", id));
    }

    /**
     * The unit with this printed code, its row locked until the transaction ends, so that shipping
     * and destroying the same unit at the same moment queue up instead of both succeeding.
     */
    @Transactional
    public Optional<LotUnit> lockByCode(String code) {
        return code == null || code.isBlank() ? Optional.empty() : repository.lockByCode(code.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Destroys a unit the lab holds, with the day and the reason; audited. Refused when the reason
     * is missing, the day is in the future or before the unit was filled, the unit is already
     * destroyed, or it has left the lab (any {@link UnitCustody} says where it is).
     */
    @Transactional
    public LotUnit destroy(UUID unitId, LocalDate on, String reason) {
        LotUnit unit = repository.lock(unitId).orElseThrow(() -> DomainProblem.notFound("Unit", unitId));
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.check(errors, "reason", reason, 1000, true);
        LocalDate day = on == null ? LocalDate.now() : on;
        LocalDate filled = repository.filledOn(unitId);
        if (day.isAfter(LocalDate.now())) errors.put("on", "cannot be in the future");
        else if (day.isBefore(filled)) errors.put("on", "cannot be before the unit was filled (" + filled + ")");
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid input", errors);
        if (unit.destroyed()) {
            throw DomainProblem.conflict("Unit " + unit.code() + " was already destroyed on " + unit.destruction().on() + ".");
        }
        for (UnitCustody custodian : custodians) {
            Optional<String> where = custodian.outOfLab(unit);
            if (where.isPresent()) {
                throw DomainProblem.conflict("Unit " + unit.code() + " is no longer in the lab: " + where.get()
                        + ". Only units the lab holds are destroyed here.");
            }
        }
        repository.destroy(unitId, day, reason.strip());
        LotUnit after = get(unitId);
        String lotCode = lots.find(unit.lotId()).map(Lot::code).orElse("");
        Map<String, Object> before = LotRepository.snapshot(unit, lotCode);
        before.put("destroyed", false);
        Map<String, Object> now = LotRepository.snapshot(after, lotCode);
        now.put("destroyed", true);
        now.put("destroyedOn", day.toString());
        events.publishEvent(RecordChanged.changed("lot_unit", unitId, "DESTROY", before, now, reason.strip()));
        return after;
    }

    /** Every unit filled from these lots, destroyed ones included, by code. */
    @Transactional(readOnly = true)
    public List<LotUnit> ofLots(Collection<UUID> lotIds) {
        return lotIds.isEmpty() ? List.of() : repository.ofLots(lotIds);
    }

    /** The units with these ids (unknown ids are left out). */
    @Transactional(readOnly = true)
    public List<LotUnit> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : repository.byIds(ids);
    }
}

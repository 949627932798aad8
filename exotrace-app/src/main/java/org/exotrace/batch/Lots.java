package org.exotrace.batch;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.exotrace.donor.Donors;
import org.exotrace.product.Product;
import org.exotrace.product.Products;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Page;
import org.exotrace.shared.RecordChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots collection: make a lot from a batch, derive or pool lots, split a lot into units,
 * trace its lineage, and move its disposition (called by the release module after a valid
 * electronic signature).
 */
@Service
public class Lots {

    /** A lot as entered. {@code expiresOn} null means manufacturedOn plus the product's shelf life. */
    public record NewLot(String productCode, Double concentrationPerMl, Double volumeMl, LocalDate manufacturedOn, LocalDate expiresOn) {}

    public static final int MAX_UNITS_PER_SPLIT = 10_000;
    private static final double VOLUME_TOLERANCE_ML = 1e-9;

    private final LotRepository repository;
    private final LineageQueries lineage;
    private final Batches batches;
    private final Products products;
    private final Codes codes;
    private final Donors donors;
    private final ApplicationEventPublisher events;

    Lots(LotRepository repository, LineageQueries lineage, Batches batches, Products products, Codes codes, Donors donors,
         ApplicationEventPublisher events) {
        this.donors = donors;
        this.repository = repository;
        this.lineage = lineage;
        this.batches = batches;
        this.products = products;
        this.codes = codes;
        this.events = events;
    }

    /** A PRIMARY lot made from a batch. */
    @Transactional
    public Lot create(UUID batchId, NewLot lot) {
        Batch batch = batches.get(batchId);
        return insert(LotKind.PRIMARY, batchId, List.of(), lot, batch.startedOn(), "the batch started", Set.of(batch.donorId()));
    }

    /** A DERIVATIVE lot, e.g. a serum formulated from a bulk isolate; it carries its own concentration. */
    @Transactional
    public Lot derive(UUID parentLotId, NewLot lot) {
        Lot parent = usableParent(parentLotId, "parentLotId");
        return insert(LotKind.DERIVATIVE, null, List.of(parent), lot, parent.manufacturedOn(), "the parent lot was made",
                lineage.donorIds(parent.id()));
    }

    /** A POOL of two or more distinct parent lots. */
    @Transactional
    public Lot pool(List<UUID> parentLotIds, NewLot lot) {
        Set<UUID> distinct = parentLotIds == null ? Set.of() : new LinkedHashSet<>(parentLotIds);
        distinct.remove(null);
        if (distinct.size() < 2) throw DomainProblem.invalid("parentLotIds", "choose at least two different lots to pool");
        List<Lot> parents = new ArrayList<>();
        for (UUID id : distinct) parents.add(usableParent(id, "parentLotIds"));
        LocalDate latest = parents.stream().map(Lot::manufacturedOn).max(LocalDate::compareTo).orElseThrow();
        Set<UUID> roots = new LinkedHashSet<>();
        parents.forEach(p -> roots.addAll(lineage.donorIds(p.id())));
        return insert(LotKind.POOL, null, parents, lot, latest, "the newest parent lot was made", roots);
    }

    /** Fills {@code count} units of {@code volumeEachMl} from the lot's remaining volume, numbered after any earlier units. */
    @Transactional
    public List<LotUnit> split(UUID lotId, int count, double volumeEachMl) {
        Lot lot = repository.lock(lotId).orElseThrow(() -> DomainProblem.notFound("Lot", lotId));
        if (lot.state() == LotState.REJECTED) throw DomainProblem.conflict("Lot " + lot.code() + " is rejected; it cannot be filled into units.");
        Checks c = new Checks();
        if (count < 1 || count > MAX_UNITS_PER_SPLIT) c.fail("count", "give between 1 and " + MAX_UNITS_PER_SPLIT + " units");
        if (Double.isNaN(volumeEachMl) || Double.isInfinite(volumeEachMl) || volumeEachMl <= 0) c.fail("volumeEachMl", "must be greater than zero");
        c.atMost("volumeEachMl", volumeEachMl, Bounds.UNIT_VOLUME_ML, "mL");
        c.atLeast("volumeEachMl", volumeEachMl, Bounds.UNIT_VOLUME_MIN_ML, "mL");
        c.throwIfAny();
        double remaining = remainingVolume(lot);
        double total = count * volumeEachMl;
        if (total > remaining + VOLUME_TOLERANCE_ML) {
            throw DomainProblem.invalid("volumeEachMl", String.format(Locale.ROOT,
                    "%d × %s mL = %s mL is more than the %s mL left in lot %s", count, volumeEachMl, round(total), round(remaining), lot.code()));
        }
        int first = repository.lastUnitNumber(lotId) + 1;
        List<LotUnit> units = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = first + i;
            units.add(new LotUnit(UUID.randomUUID(), Codes.unit(lot.code(), number), lotId, number, volumeEachMl));
        }
        repository.insertUnits(units);
        units.forEach(u -> events.publishEvent(RecordChanged.created("lot_unit", u.id(), LotRepository.snapshot(u, lot.code()))));
        return units;
    }

    @Transactional(readOnly = true)
    public Lot get(UUID id) {
        return find(id).orElseThrow(() -> DomainProblem.notFound("Lot", id));
    }

    @Transactional(readOnly = true)
    public Optional<Lot> find(UUID id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<Lot> findByCode(String code) {
        return code == null ? Optional.empty() : repository.findByCode(code);
    }

    @Transactional(readOnly = true)
    public Page<Lot> search(String q, LotState state, Page.Request p) {
        return repository.search(q, state, p);
    }

    /** Lots of the product in testing, newest first, a page at a time (a page shorter than asked is the last). */
    @Transactional(readOnly = true)
    public List<Lot> inTestingOf(String productCode, Page.Request p) {
        return repository.ofProductInState(productCode, LotState.IN_TESTING, p);
    }

    @Transactional(readOnly = true)
    public Map<LotState, Long> countByState() {
        return repository.countByState();
    }

    @Transactional(readOnly = true)
    public List<LotUnit> units(UUID lotId) {
        get(lotId);
        return repository.units(lotId);
    }

    /** The unit with this printed code (as scanned from its label), if any. */
    @Transactional(readOnly = true)
    public Optional<LotUnit> unitByCode(String code) {
        return code == null || code.isBlank() ? Optional.empty() : repository.unitByCode(code.strip().toUpperCase(Locale.ROOT));
    }

    /** The lot's volume not yet filled into units. */
    @Transactional(readOnly = true)
    public double remainingVolume(UUID lotId) {
        return remainingVolume(get(lotId));
    }

    @Transactional(readOnly = true)
    public List<Lot> ofBatch(UUID batchId) {
        return repository.ofBatch(batchId);
    }

    /** The lot's direct parents (none for a primary lot). */
    @Transactional(readOnly = true)
    public List<Lot> parents(UUID lotId) {
        return repository.parents(lotId);
    }

    /**
     * Lots that may be derived from or pooled (those in testing or released) whose code, product or
     * batch contains the text, newest first, leaving out the given ones (those already chosen).
     */
    @Transactional(readOnly = true)
    public Page<Lot> searchUsable(String q, Collection<UUID> leaveOut, Page.Request p) {
        return repository.search(q, List.of(LotState.IN_TESTING, LotState.RELEASED), leaveOut, p);
    }

    @Transactional(readOnly = true)
    public Lineage lineage(UUID lotId) {
        return lineage.lineage(get(lotId));
    }

    /**
     * Forward trace: every lot made from the donor's material, directly from one of the donor's
     * batches or through derivatives and pools, in order of creation.
     */
    @Transactional(readOnly = true)
    public List<Lot> fromDonor(UUID donorId) {
        Map<UUID, Lot> found = new LinkedHashMap<>();
        ArrayDeque<LineageNode> pending = new ArrayDeque<>();
        for (Batch b : batches.ofDonor(donorId)) {
            for (Lot primary : ofBatch(b.id())) pending.add(lineage(primary.id()).descendants());
        }
        while (!pending.isEmpty()) {
            LineageNode node = pending.poll();
            if ("lot".equals(node.type()) && !found.containsKey(node.id())) {
                found.put(node.id(), get(node.id()));
                pending.addAll(node.children());
            }
        }
        return found.values().stream().sorted(Comparator.comparing(Lot::createdAt)).toList();
    }

    /** The lot and every lot derived or pooled from it, to any depth, in one query (the forward trace's first step). */
    @Transactional(readOnly = true)
    public LotFamily descendants(UUID lotId) {
        return repository.family(get(lotId), true);
    }

    /** The lot and every lot it was made from, to the primary lots, in one query (the backward trace's first step). */
    @Transactional(readOnly = true)
    public LotFamily ancestors(UUID lotId) {
        return repository.family(get(lotId), false);
    }

    /** Every donor at the root of the lot's ancestry, through derivatives and pools. */
    @Transactional(readOnly = true)
    public Set<UUID> donorIds(UUID lotId) {
        get(lotId);
        return lineage.donorIds(lotId);
    }

    @Transactional(readOnly = true)
    public Set<UUID> batchIds(UUID lotId) {
        get(lotId);
        return lineage.batchIds(lotId);
    }

    /**
     * Corrects the concentration declared on a lot in testing or quarantine, with a reason: for a
     * value typed wrongly at creation, e.g. when the measured concentration disagrees with it. The
     * earlier value is kept ({@link #concentrationCorrections}) and audited.
     */
    @Transactional
    public Lot correctDeclaredConcentration(UUID lotId, Double perMl, String reason) {
        Lot before = repository.lock(lotId).orElseThrow(() -> DomainProblem.notFound("Lot", lotId));
        if (before.state() != LotState.IN_TESTING && before.state() != LotState.QUARANTINED) {
            throw DomainProblem.conflict("Lot " + before.code() + " is " + before.state().label().toLowerCase(Locale.ROOT)
                    + "; its declared concentration is part of its disposition and can no longer be corrected.");
        }
        Checks c = new Checks();
        c.required("concentrationPerMl", perMl);
        c.finite("concentrationPerMl", perMl);
        c.positive("concentrationPerMl", perMl);
        c.atMost("concentrationPerMl", perMl, Bounds.PARTICLES_PER_ML, "particles/mL");
        c.text("reason", reason, 1000, true);
        if (reason != null && reason.chars().anyMatch(ch -> ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')) {
            c.fail("reason", "contains a control character (such as NUL); remove it");
        }
        if (c.ok("concentrationPerMl") && perMl != null && perMl.equals(before.concentrationPerMl())) {
            c.fail("concentrationPerMl", "is already the declared concentration");
        }
        c.throwIfAny();
        repository.correctConcentration(lotId, before.concentrationPerMl(), perMl, reason.strip());
        Lot after = get(lotId);
        List<Lot> parents = repository.parents(lotId);
        events.publishEvent(RecordChanged.changed("lot", lotId, "CORRECT_CONCENTRATION", LotRepository.snapshot(before, parents),
                LotRepository.snapshot(after, parents), reason.strip()));
        return after;
    }

    /** The corrections of the lot's declared concentration, oldest first. */
    @Transactional(readOnly = true)
    public List<ConcentrationCorrection> concentrationCorrections(UUID lotId) {
        get(lotId);
        return repository.concentrationCorrections(lotId);
    }

    /**
     * Releases the lot under the signature; {@code reason} says it for people (who signed, when and
     * with which meaning), the signature's id is kept with the lot and in its audit entry.
     */
    @Transactional
    public Lot release(UUID lotId, UUID signatureId, String reason) {
        return dispose(lotId, LotState.RELEASED, "RELEASE", signatureId, reason);
    }

    @Transactional
    public Lot reject(UUID lotId, UUID signatureId, String reason) {
        return dispose(lotId, LotState.REJECTED, "REJECT", signatureId, reason);
    }

    @Transactional
    public Lot quarantine(UUID lotId, UUID signatureId, String reason) {
        return dispose(lotId, LotState.QUARANTINED, "QUARANTINE", signatureId, reason);
    }

    private Lot dispose(UUID lotId, LotState target, String action, UUID signatureId, String reason) {
        Lot before = repository.lock(lotId).orElseThrow(() -> DomainProblem.notFound("Lot", lotId));
        Checks c = new Checks();
        c.required("signatureId", signatureId);
        c.text("reason", reason, 1000, true);
        c.throwIfAny();
        if (!before.state().canBecome(target)) {
            String why = before.state() == LotState.REJECTED ? " (rejection is final)" : "";
            throw DomainProblem.conflict("Lot " + before.code() + " is " + before.state().label().toLowerCase(Locale.ROOT) + "; it cannot become "
                    + target.label().toLowerCase(Locale.ROOT) + why + ". Allowed from " + before.state().label().toLowerCase(Locale.ROOT) + ": "
                    + (before.state().next().isEmpty() ? "none" : before.state().next().stream().map(s -> s.label().toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining(", "))) + ".");
        }
        repository.disposition(lotId, target, signatureId, reason.strip());
        Lot after = get(lotId);
        List<Lot> parents = repository.parents(lotId);
        events.publishEvent(RecordChanged.changed("lot", lotId, action, LotRepository.snapshot(before, parents),
                LotRepository.snapshot(after, parents), reason.strip()));
        return after;
    }

    private Lot insert(LotKind kind, UUID batchId, List<Lot> parents, NewLot lot, LocalDate notBefore, String notBeforeWhat,
                       Set<UUID> donorIds) {
        Checks c = new Checks();
        c.required("productCode", Checks.blankToNull(lot.productCode()));
        Optional<Product> product = products.find(lot.productCode());
        if (c.ok("productCode") && product.isEmpty()) c.fail("productCode", "no product with code " + lot.productCode().strip());
        product.ifPresent(p -> donorIds.stream().map(donors::find).flatMap(Optional::stream)
                .filter(d -> !p.madeFrom(d.sourceType())).findFirst()
                .ifPresent(d -> c.fail("productCode", p.name() + " is made from " + p.sourcesText() + "; this material comes from "
                        + Product.withArticle(d.sourceType()) + " source")));
        c.finite("concentrationPerMl", lot.concentrationPerMl());
        c.notNegative("concentrationPerMl", lot.concentrationPerMl());
        c.atMost("concentrationPerMl", lot.concentrationPerMl(), Bounds.PARTICLES_PER_ML, "particles/mL");
        c.required("volumeMl", lot.volumeMl());
        c.finite("volumeMl", lot.volumeMl());
        c.positive("volumeMl", lot.volumeMl());
        c.atMost("volumeMl", lot.volumeMl(), Bounds.BULK_VOLUME_ML, "mL");
        c.past("manufacturedOn", lot.manufacturedOn(), true);
        if (lot.manufacturedOn() != null && notBefore != null && lot.manufacturedOn().isBefore(notBefore)) {
            c.fail("manufacturedOn", "cannot be before " + notBeforeWhat + " (" + notBefore + ")");
        }
        LocalDate expires = lot.expiresOn();
        if (expires == null && lot.manufacturedOn() != null && product.isPresent()) {
            Integer months = product.get().shelfLifeMonths();
            if (months == null) c.fail("expiresOn", "give the expiry date: product " + product.get().code() + " has no shelf life");
            else expires = lot.manufacturedOn().plusMonths(months);
        }
        if (expires != null && lot.manufacturedOn() != null && !expires.isAfter(lot.manufacturedOn())) {
            c.fail("expiresOn", "must be after the manufacturing date (" + lot.manufacturedOn() + ")");
        }
        Integer shelfLife = product.map(Product::shelfLifeMonths).orElse(null);
        if (lot.expiresOn() != null && lot.manufacturedOn() != null && shelfLife != null
                && lot.expiresOn().isAfter(lot.manufacturedOn().plusMonths(shelfLife)) && c.ok("expiresOn")) {
            c.fail("expiresOn", "cannot be later than the product's shelf life of " + shelfLife + " months allows ("
                    + lot.manufacturedOn().plusMonths(shelfLife) + ")");
        }
        c.throwIfAny();
        UUID id = UUID.randomUUID();
        repository.insert(id, codes.next("L"), product.orElseThrow().code(), kind, batchId, lot, expires);
        repository.insertParents(id, parents.stream().map(Lot::id).toList());
        Lot created = get(id);
        events.publishEvent(RecordChanged.created("lot", id, LotRepository.snapshot(created, parents)));
        return created;
    }

    private Lot usableParent(UUID id, String field) {
        if (id == null) throw DomainProblem.invalid(field, "choose the parent lot");
        Lot parent = repository.find(id).orElseThrow(() -> DomainProblem.invalid(field, "no lot with id " + id));
        if (!parent.state().usable()) {
            throw DomainProblem.conflict("Lot " + parent.code() + " is " + parent.state().label().toLowerCase(Locale.ROOT) + "; only lots in testing or released can be processed further.");
        }
        return parent;
    }

    private double remainingVolume(Lot lot) {
        return Math.max(0, lot.volumeMl() - repository.unitVolume(lot.id()));
    }

    private static String round(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}

package org.exotrace.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks a lot's lineage: backward through parents (derivatives, pools) to primary lots, their
 * batches and donors; forward through derived and pooled lots to units. The graph is acyclic by
 * construction (a lot's parents exist before it), and a visited set guards against anything else.
 */
@Component
class LineageQueries {

    private final JdbcClient jdbc;
    private final LotRepository lots;
    private final Batches batches;
    private final Donors donors;

    LineageQueries(JdbcClient jdbc, LotRepository lots, Batches batches, Donors donors) {
        this.jdbc = jdbc;
        this.lots = lots;
        this.batches = batches;
        this.donors = donors;
    }

    Lineage lineage(Lot lot) {
        return new Lineage(ancestors(lot, new HashSet<>()), descendants(lot, new HashSet<>()));
    }

    /** Every batch at the root of the lot's ancestry. */
    Set<UUID> batchIds(UUID lotId) {
        return new LinkedHashSet<>(jdbc.sql("""
                select distinct l.batch_id from lot l where l.id = any(?) and l.batch_id is not null order by l.batch_id""")
                .param(lots.selfAndAncestors(lotId).toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** Every donor at the root of the lot's ancestry. */
    Set<UUID> donorIds(UUID lotId) {
        return new LinkedHashSet<>(jdbc.sql("""
                select distinct b.donor_id from lot l join batch b on b.id = l.batch_id where l.id = any(?) order by b.donor_id""")
                .param(lots.selfAndAncestors(lotId).toArray(UUID[]::new)).query(UUID.class).list());
    }

    private LineageNode ancestors(Lot lot, Set<UUID> visited) {
        List<LineageNode> parents = new ArrayList<>();
        if (visited.add(lot.id())) {
            if (lot.batchId() != null) {
                batches.find(lot.batchId()).ifPresent(b -> parents.add(batchNode(b)));
            }
            lots.parents(lot.id()).forEach(p -> parents.add(ancestors(p, visited)));
        }
        return lotNode(lot, parents);
    }

    private LineageNode descendants(Lot lot, Set<UUID> visited) {
        List<LineageNode> children = new ArrayList<>();
        if (visited.add(lot.id())) {
            lots.children(lot.id()).forEach(c -> children.add(descendants(c, visited)));
            lots.units(lot.id()).forEach(u -> children.add(new LineageNode("unit", u.id(), u.code(),
                    "Unit " + u.number() + " · " + u.volumeMl() + " mL", List.of())));
        }
        return lotNode(lot, children);
    }

    private LineageNode batchNode(Batch b) {
        List<LineageNode> donor = donors.find(b.donorId()).map(d -> List.of(donorNode(d))).orElse(List.of());
        return new LineageNode("batch", b.id(), b.code(), b.method().label() + " · started " + b.startedOn(), donor);
    }

    /** A donor as the caller may see them: researchers learn the source type, not the code or the record. */
    private static LineageNode donorNode(Donor d) {
        String label = d.sourceType().label() + (d.retired() ? " · retired" : "");
        if (!Donors.mayIdentifyDonors()) return new LineageNode("donor", null, null, label + " · donor code withheld", List.of());
        return new LineageNode("donor", d.id(), d.code().display(), label, List.of());
    }

    private static LineageNode lotNode(Lot l, List<LineageNode> children) {
        return new LineageNode("lot", l.id(), l.code(), l.kind().label() + " · " + l.productCode() + " · " + l.state().label(), children);
    }
}

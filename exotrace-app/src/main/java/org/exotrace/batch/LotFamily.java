package org.exotrace.batch;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A lot with every descendant (derived or pooled from it, to any depth) or every ancestor, read in
 * one recursive query over the lineage edges: the lots by id and the parent/child edges among them.
 */
public record LotFamily(Lot root, Map<UUID, Lot> lots, List<Edge> edges) {

    /** {@code child} was derived or pooled from {@code parent}. */
    public record Edge(UUID parent, UUID child) {}

    public LotFamily {
        lots = Map.copyOf(lots);
        edges = List.copyOf(edges);
    }

    /** The lots made directly from this one, by code. */
    public List<Lot> children(UUID lotId) {
        return edges.stream().filter(e -> e.parent().equals(lotId)).map(e -> lots.get(e.child())).sorted(Comparator.comparing(Lot::code)).toList();
    }

    /** The lots this one was made from directly, by code. */
    public List<Lot> parents(UUID lotId) {
        return edges.stream().filter(e -> e.child().equals(lotId)).map(e -> lots.get(e.parent())).sorted(Comparator.comparing(Lot::code)).toList();
    }
}

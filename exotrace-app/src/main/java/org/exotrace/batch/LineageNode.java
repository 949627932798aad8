package org.exotrace.batch;

import java.util.List;
import java.util.UUID;

/** One node of a lineage tree: {@code type} is donor, batch, lot or unit. */
public record LineageNode(String type, UUID id, String code, String label, List<LineageNode> children) {

    public LineageNode {
        children = children == null ? List.of() : List.copyOf(children);
    }
}

package org.exotrace.coldchain;

import java.util.UUID;

/** A freezer, a rack in a freezer or a box in a rack, with its full path of codes (e.g. F1 / R2 / B07). */
public record StorageLocation(UUID id, String code, Level kind, UUID parentId, String name, String path) {

    /** The levels of storage: a freezer holds racks, a rack holds boxes, a box holds units at positions. */
    public enum Level { FREEZER, RACK, BOX }
}

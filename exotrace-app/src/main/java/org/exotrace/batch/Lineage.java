package org.exotrace.batch;

/**
 * Both directions of a lot's lineage. {@code ancestors} is rooted at the lot and its children are
 * its parents, down to the batch and then the donor; {@code descendants} is rooted at the lot and
 * its children are derived or pooled lots and units.
 */
public record Lineage(LineageNode ancestors, LineageNode descendants) {}

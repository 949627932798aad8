package org.exotrace.batch;

/** PRIMARY lots are made from a batch; a DERIVATIVE is formulated from one lot; a POOL joins two or more. */
public enum LotKind { PRIMARY, DERIVATIVE, POOL }

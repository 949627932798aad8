package org.exotrace.nta.io;

/** The unit of the x and y columns of a trajectory file. */
public enum LengthUnit {
    /** Camera pixels; converting to µm needs the pixel size in the object plane. */
    PIXELS,
    /** Micrometres in the object plane. */
    MICROMETRES
}

package org.exotrace.nta.analysis;

/** How the per-track diffusion coefficients become a size distribution. */
public enum SizingMethod {
    /** Walker (2012) maximum-likelihood deconvolution with the sampling-bias correction: the default. */
    ML,
    /** The naive histogram of per-track diameters, for comparison; wider than the truth. */
    HISTOGRAM
}

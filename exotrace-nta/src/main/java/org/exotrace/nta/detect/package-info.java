/** Finding particles in one frame: background removal, band-pass, thresholded local maxima, sub-pixel centroids. */
package org.exotrace.nta.detect;

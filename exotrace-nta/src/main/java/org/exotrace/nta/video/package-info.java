/** Reading NTA videos (frame folders, TIFF stacks, AVI, zip) as streamed grey frames, and tracking them end to end. */
package org.exotrace.nta.video;

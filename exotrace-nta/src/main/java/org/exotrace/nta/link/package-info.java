/** Linking per-frame features into tracks, streamed, with gap closing. */
package org.exotrace.nta.link;

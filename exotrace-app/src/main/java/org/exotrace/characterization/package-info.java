/**
 * Characterization of lots by nanoparticle tracking analysis (NTA): a trajectory file sized by
 * Exotrace's own open analysis ({@code exotrace-nta}), or a NanoSight export imported as the
 * instrument computed it. Uploads are checked in full before they are stored; the analysis runs in
 * the background with visible progress; its size and concentration results and the size
 * distribution are recorded on the lot through the quality module, with the settings and software
 * version stored so that anyone can re-run it and get the same numbers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"batch", "quality", "results", "specification", "shared"})
package org.exotrace.characterization;

/**
 * Physical conversion between a diffusion coefficient and a hydrodynamic diameter: temperature,
 * the liquid's viscosity (a named water model or a measured value, always reported by name) and
 * the Stokes-Einstein relation. Units live in the types ({@link org.exotrace.nta.sizing.Diameter},
 * {@link org.exotrace.nta.sizing.DiffusionCoefficient}, {@link org.exotrace.nta.sizing.Viscosity},
 * {@link org.exotrace.nta.sizing.Temperature}).
 */
package org.exotrace.nta.sizing;

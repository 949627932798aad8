/**
 * The analysis settings of a measurement, defined once. {@link org.exotrace.nta.settings.SettingsSpec}
 * is the catalogue: for every setting its name, unit, default, allowed range, how it is read from
 * text, its message key and English message, and its command-line option and help.
 * {@code exotrace nta size} builds its options and help from it; the application's upload form and
 * API read and check typed settings through {@link org.exotrace.nta.settings.SettingsSpec#parse};
 * the stored settings are written and read through it, and the reproducible command shown on a
 * measurement's page is {@link org.exotrace.nta.settings.SizingSettings#arguments()}. Message keys
 * are {@code nta.setting.<name>.<rule>}; a bundle may translate them, the English text is the
 * default. No framework.
 */
package org.exotrace.nta.settings;

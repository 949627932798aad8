/**
 * Backup and restore of the whole database with the audit anchor beside it: {@code ./exotrace backup
 * FILE} writes a zip of every table (JDBC COPY, large objects included), the audit checkpoints and
 * a manifest with each entry's rows, bytes and SHA-256; {@code ./exotrace restore FILE} refuses a
 * database that is not empty or a file of a newer format, migrates to the backup's schema version,
 * loads every entry and then applies this version's newer migrations.
 *
 * <p>Promises: the load happens in one transaction, each entry checked against the manifest, so a
 * restore leaves either every row or none. It owns no table and reads and writes them all as the
 * database owner ({@link org.exotrace.platform.DatabaseOwner}), the one place that may.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup and restore", allowedDependencies = {"platform", "shared"})
package org.exotrace.backup;

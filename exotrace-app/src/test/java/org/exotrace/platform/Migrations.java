package org.exotrace.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rules that keep one global migration order: versions never collide, a migration that a
 * release shipped is never edited or removed, and a new migration sorts after every released one
 * and carries a timestamped version ({@code V2026_12_07_0100__what_it_does.sql}), so two people
 * adding migrations on the same day choose different minutes instead of the same per-module number.
 * The migrations of the previous release are kept as a fixture under {@code upgrade/}.
 */
final class Migrations {

    /** The fixture of the previous release: its migrations, and the data of a demo database it built. */
    static final String PREVIOUS_RELEASE = "upgrade/release-0.1.0-45f13ef/migration";

    static final Pattern NEW_NAME = Pattern.compile("V\\d{4}_\\d{2}_\\d{2}_\\d{4}__[a-z0-9_]+\\.sql");
    private static final Pattern VERSIONED = Pattern.compile("V([0-9_]+?)__.+\\.sql");

    record Migration(String fileName, List<BigInteger> version, String content) {
        static Migration of(String fileName, String content) {
            Matcher m = VERSIONED.matcher(fileName);
            if (!m.matches()) throw new IllegalArgumentException("not a versioned migration: " + fileName);
            return new Migration(fileName, Arrays.stream(m.group(1).split("_")).map(BigInteger::new).toList(), content);
        }

        MigrationVersion flywayVersion() {
            return MigrationVersion.fromVersion(versionText());
        }

        String versionText() {
            return String.join(".", version.stream().map(BigInteger::toString).toList());
        }
    }

    /** Flyway's own order: part by part, numerically, a missing part counting as zero (1.1 = 1.1.0 < 1.2 < 10.1). */
    static final Comparator<Migration> ORDER = Comparator.comparing(Migration::flywayVersion);

    private Migrations() {
    }

    /** Every broken rule, in words a developer can act on; empty when the current set may ship. */
    static List<String> problems(List<Migration> released, List<Migration> current) {
        List<String> problems = new ArrayList<>();
        List<Migration> sorted = current.stream().sorted(ORDER).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
                problems.add(sorted.get(i - 1).fileName() + " and " + sorted.get(i).fileName() + " share version "
                        + sorted.get(i).versionText() + ": Flyway refuses to start");
            }
        }
        Map<String, Migration> byName = new HashMap<>();
        current.forEach(m -> byName.put(m.fileName(), m));
        for (Migration shipped : released) {
            Migration now = byName.get(shipped.fileName());
            if (now == null) {
                problems.add(shipped.fileName() + " was released and is gone: databases that applied it no longer validate");
            } else if (!now.content().equals(shipped.content())) {
                problems.add(shipped.fileName() + " was released and has been edited: its checksum no longer matches"
                        + " the databases that applied it; add a new migration instead");
            }
        }
        Migration newestReleased = released.stream().max(ORDER).orElse(null);
        List<String> releasedNames = released.stream().map(Migration::fileName).toList();
        for (Migration m : current) {
            if (releasedNames.contains(m.fileName())) continue;
            if (newestReleased != null && ORDER.compare(m, newestReleased) <= 0) {
                problems.add(m.fileName() + " sorts before " + newestReleased.fileName() + ", which databases of the previous"
                        + " release have applied: Flyway would refuse to migrate them; give it a newer timestamped version");
            }
            if (!NEW_NAME.matcher(m.fileName()).matches()) {
                problems.add(m.fileName() + " does not follow V<yyyy>_<mm>_<dd>_<hhmm>__<what_it_does>.sql");
            }
        }
        return problems;
    }

    /** The versioned migrations under a classpath location, searched in every module folder below it. */
    static List<Migration> on(String location) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/**/V*.sql");
            List<Migration> migrations = new ArrayList<>();
            for (Resource r : resources) {
                migrations.add(Migration.of(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
            }
            return migrations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.exotrace.deidentification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exotrace.evidence.AgeBands;

/**
 * k-anonymity of a de-identified export on its quasi-identifiers: the age band, sex, Fitzpatrick
 * phototype and site (the clinic). Every combination of their values written (an equivalence class)
 * must hold at least k people; people, not courses, since two courses of one person in the same
 * class would otherwise pass for two.
 *
 * <p>Generalisation is global (full-domain) recoding along one fixed path, each level adding a step
 * to the one before: {@link Level#AS_RECORDED} (ten-year bands, one phototype, the clinic), then
 * twenty-year bands, then phototypes grouped I-II / III-IV / V-VI, then the clinic replaced by its
 * jurisdiction, then the site left out ("any"). The first level at which every class holds k people
 * is taken; when none does, the level that leaves the fewest people's courses in small classes is
 * taken (the least generalised on a tie) and those classes are suppressed: their courses are not
 * written. Sex is never generalised. A missing phototype is its own value, "unknown".
 *
 * <p>Limits: it protects against re-identification by these four attributes only (not by rare
 * products, devices, doses or scores, which a determined reader could link); it does not give
 * l-diversity (a class may share one outcome); global recoding generalises everyone for the sake of
 * a few.
 */
final class KAnonymity {

    /** The quasi-identifiers of one course, as recorded; {@code person} only tells people apart and is never written. */
    record Quasi(String person, int age, String sex, String fitzpatrick, String clinic, String jurisdiction) {}

    /** The generalised quasi-identifiers written for a course. */
    record Cell(String ageBand, String sex, String fitzpatrick, String site) {}

    /** How far the quasi-identifiers are generalised; each level includes the steps of those before it. */
    enum Level {
        AS_RECORDED("ten-year age bands, phototype, clinic"),
        AGE_20("twenty-year age bands"),
        PHOTOTYPE_GROUPS("twenty-year age bands, phototypes grouped I-II / III-IV / V-VI"),
        JURISDICTION("twenty-year age bands, phototypes grouped, clinic replaced by its jurisdiction"),
        ANY_SITE("twenty-year age bands, phototypes grouped, site left out");

        private final String description;

        Level(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /**
     * The result: the level used, each course's cell in input order (null where suppressed), the
     * number of courses and of people suppressed, the number of classes written and the smallest
     * class's size in people (the k reached; 0 when nothing is written).
     */
    record Outcome(int k, Level level, List<Cell> cells, int suppressedCourses, int suppressedPeople, int classes, int kReached) {

        boolean suppressed(int index) {
            return cells.get(index) == null;
        }
    }

    private KAnonymity() {}

    /** Generalises and suppresses until every class written holds at least {@code k} people. */
    static Outcome apply(List<Quasi> courses, int k) {
        if (k < 2) throw new IllegalArgumentException("k must be at least 2, was " + k);
        Outcome best = null;
        for (Level level : Level.values()) {
            Outcome o = at(courses, k, level);
            if (o.suppressedCourses() == 0) return o;
            if (best == null || o.suppressedPeople() < best.suppressedPeople()) best = o;
        }
        return best;
    }

    /** The cells at one level with the classes under {@code k} people suppressed. */
    static Outcome at(List<Quasi> courses, int k, Level level) {
        List<Cell> cells = courses.stream().map(q -> generalise(q, level)).toList();
        Map<Cell, Set<String>> people = new HashMap<>();
        for (int i = 0; i < courses.size(); i++) people.computeIfAbsent(cells.get(i), c -> new HashSet<>()).add(courses.get(i).person());
        List<Cell> kept = new ArrayList<>(cells);
        Set<String> suppressedPeople = new HashSet<>();
        int suppressed = 0;
        for (int i = 0; i < kept.size(); i++) {
            if (people.get(kept.get(i)).size() < k) {
                suppressedPeople.add(courses.get(i).person());
                kept.set(i, null);
                suppressed++;
            }
        }
        int smallest = people.values().stream().mapToInt(Set::size).filter(n -> n >= k).min().orElse(0);
        int classes = (int) people.values().stream().filter(s -> s.size() >= k).count();
        return new Outcome(k, level, java.util.Collections.unmodifiableList(kept), suppressed, suppressedPeople.size(), classes, smallest);
    }

    static Cell generalise(Quasi q, Level level) {
        int step = level.ordinal();
        String band = AgeBands.of(q.age(), step >= Level.AGE_20.ordinal() ? 20 : 10);
        String type = q.fitzpatrick() == null || q.fitzpatrick().isBlank() ? "unknown" : q.fitzpatrick().strip();
        if (step >= Level.PHOTOTYPE_GROUPS.ordinal()) type = phototypeGroup(type);
        String site = step >= Level.ANY_SITE.ordinal() ? "any" : step >= Level.JURISDICTION.ordinal() ? q.jurisdiction() : q.clinic();
        return new Cell(band, q.sex(), type, site);
    }

    /** I-II, III-IV or V-VI; "unknown" stays so. */
    static String phototypeGroup(String type) {
        return switch (type) {
            case "I", "II" -> "I-II";
            case "III", "IV" -> "III-IV";
            case "V", "VI" -> "V-VI";
            default -> "unknown";
        };
    }

    /** The values each quasi-identifier can take after generalisation, for the data dictionary. */
    static final List<String> PHOTOTYPES = Arrays.asList("I", "II", "III", "IV", "V", "VI", "I-II", "III-IV", "V-VI", "unknown");
}

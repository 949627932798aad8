package org.exotrace.compliance;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The jurisdictions rules are written for: countries by ISO 3166-1 alpha-2 code, and the European
 * Union ({@code EU}), whose rules apply in each member state unless a national rule is more
 * specific.
 */
public final class Jurisdictions {

    public static final String EU = "EU";

    /** EU member states (ISO 3166-1 alpha-2; Greece is GR). */
    public static final Set<String> EU_MEMBERS = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final Map<String, String> NAMES = names();

    private Jurisdictions() {}

    /** The code, upper-cased, if it is a known jurisdiction. */
    public static Optional<String> normalise(String code) {
        if (code == null) return Optional.empty();
        String c = code.strip().toUpperCase(Locale.ROOT);
        return NAMES.containsKey(c) ? Optional.of(c) : Optional.empty();
    }

    /** The jurisdictions whose rules apply in {@code code}, most specific first: e.g. DE then EU. */
    public static List<String> applicable(String code) {
        return EU_MEMBERS.contains(code) ? List.of(code, EU) : List.of(code);
    }

    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }

    /** Every known code and its name, sorted by code. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(NAMES);
    }

    private static Map<String, String> names() {
        Map<String, String> m = new TreeMap<>();
        m.put("US", "United States");
        m.put(EU, "European Union");
        m.put("KR", "South Korea");
        m.put("JP", "Japan");
        m.put("HK", "Hong Kong");
        m.put("CN", "China");
        m.put("TW", "Taiwan");
        m.put("AU", "Australia");
        m.put("GB", "United Kingdom");
        m.put("CA", "Canada");
        m.put("SG", "Singapore");
        for (String member : EU_MEMBERS) m.putIfAbsent(member, new Locale("", member).getDisplayCountry(Locale.ENGLISH) + " (EU)");
        return Collections.unmodifiableMap(m);
    }
}

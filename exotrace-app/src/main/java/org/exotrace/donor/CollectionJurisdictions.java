package org.exotrace.donor;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a donor's material was collected: a country by ISO 3166-1 alpha-2 code. Screening panels
 * are written for a country or for the European Union ({@code EU}), whose panel applies in every
 * member state that has none of its own. (The compliance module keeps the same member list for
 * its rules; it depends on this module, not the other way round.)
 */
public final class CollectionJurisdictions {

    public static final String EU = "EU";

    /** EU member states (ISO 3166-1 alpha-2; Greece is GR). */
    public static final Set<String> EU_MEMBERS = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    private CollectionJurisdictions() {}

    /** A country code, upper-cased, if it is one (EU is not a country: material is collected in a member state). */
    public static Optional<String> country(String code) {
        if (code == null) return Optional.empty();
        String c = code.strip().toUpperCase(Locale.ROOT);
        return COUNTRIES.contains(c) ? Optional.of(c) : Optional.empty();
    }

    /** A jurisdiction a panel may be written for: a country code or EU. */
    public static Optional<String> panelJurisdiction(String code) {
        if (code != null && code.strip().equalsIgnoreCase(EU)) return Optional.of(EU);
        return country(code);
    }

    /** The panel jurisdictions that apply to material collected in {@code country}, most specific first: DE then EU. */
    public static List<String> applicable(String country) {
        return EU_MEMBERS.contains(country) ? List.of(country, EU) : List.of(country);
    }

    /** "United States", "European Union", "Korea"; the code itself when unknown. */
    public static String name(String code) {
        if (EU.equals(code)) return "European Union";
        return COUNTRY_NAMES.getOrDefault(code, code);
    }

    /** Every country, code to name, sorted by name: the choices of a form. */
    public static Map<String, String> countries() {
        return Collections.unmodifiableMap(COUNTRY_NAMES);
    }

    /** EU and every country, code to name: where a panel may apply. */
    public static Map<String, String> panelJurisdictions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(EU, name(EU));
        m.putAll(COUNTRY_NAMES);
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> countryNames() {
        Map<String, String> m = new LinkedHashMap<>();
        Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing((String c) -> new Locale("", c).getDisplayCountry(Locale.ENGLISH)))
                .forEach(c -> m.put(c, new Locale("", c).getDisplayCountry(Locale.ENGLISH)));
        return Collections.unmodifiableMap(m);
    }
}

package org.exotrace.product;

import java.util.List;
import java.util.Set;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.SourceType;

/**
 * A product the lab makes. Every donor at the root of a lot of this product must have consented
 * to each of {@code requiredConsentScopes} (empty for non-human sources' products).
 * {@code ampouleVolumeMl} is null for bulk; {@code shelfLifeMonths} sets a lot's default expiry.
 * {@code sourceTypes} are the donor sources its lots are made from; empty when not stated.
 */
public record Product(String code, String name, ProductForm form, IntendedUse intendedUse, Set<ConsentScope> requiredConsentScopes,
                      Double ampouleVolumeMl, Integer shelfLifeMonths, Set<SourceType> sourceTypes) {

    public Product {
        requiredConsentScopes = requiredConsentScopes == null ? Set.of() : Set.copyOf(requiredConsentScopes);
        sourceTypes = sourceTypes == null ? Set.of() : Set.copyOf(sourceTypes);
    }

    /** Whether material of this source may be made into this product; any source when the product states none. */
    public boolean madeFrom(SourceType source) {
        return sourceTypes.isEmpty() || sourceTypes.contains(source);
    }

    /** The sources in words, e.g. "umbilical-cord MSC, bone-marrow MSC or adipose MSC". */
    public String sourcesText() {
        List<String> labels = java.util.Arrays.stream(SourceType.values()).filter(sourceTypes::contains).map(Product::inSentence).toList();
        if (labels.size() <= 1) return String.join("", labels);
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }

    /** A source's label inside a sentence, with its article: "an umbilical-cord MSC", "a plant". */
    public static String withArticle(SourceType source) {
        String text = inSentence(source);
        return ("aeiou".indexOf(text.charAt(0)) >= 0 ? "an " : "a ") + text;
    }

    /** A source's label inside a sentence: "umbilical-cord MSC", "plant". */
    public static String inSentence(SourceType source) {
        return source.label().substring(0, 1).toLowerCase(java.util.Locale.ROOT) + source.label().substring(1);
    }
}

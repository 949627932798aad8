package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundles stay in step (issue 11): every area's bundle exists in English (the default)
 * and Traditional Chinese (Hong Kong), with the same keys, none empty, none written twice; every key
 * a template or Java code names exists; and the Chinese text is a translation, not English copied.
 */
class BundleSyncTests {

    static final Path BUNDLES = Path.of("src/main/resources/messages");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path JAVA = Path.of("src/main/java");

    static final List<String> AREAS = List.of("common", "lab", "clinic", "quality", "characterization", "access", "recall", "evidence");
    static final List<String> LOCALES = List.of("", "_zh_HK");

    /** Values that read the same in both languages: names, abbreviations, units, symbols. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("API", "Exotrace", "English", "NTA", "mL", "µL", "nm", "pH", "EASI",
            "FHIR", "PDF", "CSV", "ISBT 128", "MISEV", "OK");

    /** #{key} and #messages.msg('key'...) in templates; keys built at run time (with ${...}) are left to the page tests. */
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)(?:\\(|})|#messages\\.msgOrNull\\('([^'$]+)'|#messages\\.msg\\('([^'$]+)'");

    /** A Java string literal that is a whole key of one of the areas. */
    static final Pattern JAVA_KEY = Pattern.compile("\"((?:common|lab|clinic|quality|characterization|access|recall|evidence)\\.[A-Za-z][\\w-]*(?:\\.[A-Za-z0-9][\\w-]*)+)\"");

    @Test
    void everyAreaHasABundleInEveryLocale() {
        for (String area : AREAS) {
            for (String locale : LOCALES) {
                assertThat(BUNDLES.resolve(area + locale + ".properties")).as(area + locale).isRegularFile();
            }
        }
    }

    @Test
    void everyKeyExistsInEveryLocaleWithAValue() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String area : AREAS) {
            Map<String, Properties> byLocale = new LinkedHashMap<>();
            Set<String> all = new TreeSet<>();
            for (String locale : LOCALES) {
                Properties p = load(area + locale);
                byLocale.put(locale, p);
                all.addAll(p.stringPropertyNames());
            }
            for (String key : all) {
                if (!key.startsWith(area + ".")) problems.add(area + ": " + key + " does not start with " + area + ".");
                byLocale.forEach((locale, p) -> {
                    String value = p.getProperty(key);
                    if (value == null) problems.add(area + locale + ": missing " + key);
                    else if (value.isBlank()) problems.add(area + locale + ": empty " + key);
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noBundleWritesAKeyTwice() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String area : AREAS) {
            for (String locale : LOCALES) {
                Set<String> seen = new TreeSet<>();
                for (String key : rawKeys(area + locale)) {
                    if (!seen.add(key)) problems.add(area + locale + ": " + key + " twice");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void bundlesAreUtf8() throws IOException {
        for (String area : AREAS) {
            for (String locale : LOCALES) {
                byte[] bytes = Files.readAllBytes(BUNDLES.resolve(area + locale + ".properties"));
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                } catch (CharacterCodingException e) {
                    throw new AssertionError(area + locale + ".properties is not UTF-8", e);
                }
            }
        }
    }

    @Test
    void chineseTextIsATranslationNotACopyOfTheEnglish() throws IOException {
        List<String> copies = new ArrayList<>();
        for (String area : AREAS) {
            Properties english = load(area);
            Properties chinese = load(area + "_zh_HK");
            for (String key : english.stringPropertyNames()) {
                String en = english.getProperty(key);
                String zh = chinese.getProperty(key);
                boolean hasWords = en.matches("(?s).*[A-Za-z]{2,}.*");
                if (en.equals(zh) && hasWords && !SAME_IN_EVERY_LANGUAGE.contains(en)) copies.add(key + "=" + en);
            }
        }
        assertThat(copies).as("zh_HK values that are the English text").isEmpty();
    }

    /**
     * A text with arguments ({0}) goes through MessageFormat, where a lone apostrophe starts a quote
     * and swallows the rest ("donor's {0}" loses {0}), so it must be doubled; a text without
     * arguments is shown as written, so a doubled one would show twice.
     */
    @Test
    void apostrophesAreWrittenAsMessageFormatReadsThem() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String area : AREAS) {
            for (String locale : LOCALES) {
                Properties p = load(area + locale);
                for (String key : p.stringPropertyNames()) {
                    String value = p.getProperty(key);
                    boolean formatted = value.matches("(?s).*\\{\\d+(,[^}]*)?}.*");
                    if (formatted && value.replace("''", "").contains("'")) problems.add(area + locale + ": " + key + " has a lone '");
                    if (!formatted && value.contains("''")) problems.add(area + locale + ": " + key + " has '' but no argument");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties keys = allEnglish();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    if (!keys.containsKey(key)) missing.add(TEMPLATES.relativize(file) + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyJavaCodeNamesExists() throws IOException {
        Properties keys = allEnglish();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!keys.containsKey(m.group(1))) missing.add(JAVA.relativize(file) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theCheckFindsAMissingKey() {
        // The patterns above must see the usual forms, or the two tests above pass on nothing.
        assertThat(keysIn("<a th:text=\"#{common.nav.lots}\">Lots</a> #{lab.x.y(${a})} #messages.msg('lab.error.back')"))
                .containsExactly("common.nav.lots", "lab.x.y", "lab.error.back");
        Matcher java = JAVA_KEY.matcher("messages.getMessage(\"lab.release.signed\", null, locale); \"${exotrace.lab.name}\"");
        assertThat(java.find()).isTrue();
        assertThat(java.group(1)).isEqualTo("lab.release.signed");
        assertThat(java.find()).isFalse();
    }

    private static List<String> keysIn(String template) {
        List<String> found = new ArrayList<>();
        Matcher m = TEMPLATE_KEY.matcher(template);
        while (m.find()) found.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        return found;
    }

    private static Properties allEnglish() throws IOException {
        Properties all = new Properties();
        for (String area : AREAS) all.putAll(load(area));
        return all;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(BUNDLES.resolve(name + ".properties"), StandardCharsets.UTF_8)));
        return p;
    }

    /** The keys in the order written, repeats kept (Properties keeps only the last). */
    private static List<String> rawKeys(String name) throws IOException {
        List<String> keys = new ArrayList<>();
        boolean continued = false;
        for (String line : Files.readAllLines(BUNDLES.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            boolean wasContinued = continued;
            continued = trimmed.endsWith("\\") && !trimmed.endsWith("\\\\");
            if (wasContinued || trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) continue;
            Matcher key = Pattern.compile("^((?:\\\\.|[^=:\\s])+)").matcher(trimmed);
            if (key.find()) keys.add(key.group(1));
        }
        return keys;
    }
}

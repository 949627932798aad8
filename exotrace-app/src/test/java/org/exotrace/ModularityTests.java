package org.exotrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure is a rule, not a convention: no cycles, no reaching into another module's
 * internals, every dependency declared, every published event heard.
 */
class ModularityTests {

    /**
     * The application's modules. {@code org.exotrace.nta} and {@code org.exotrace.stats} are left out:
     * each is a separate library (its own Maven module, no Spring) that the application uses like any
     * other dependency.
     */
    private static final ApplicationModules MODULES = ApplicationModules.of(ExotraceApplication.class,
            JavaClass.Predicates.resideInAnyPackage("org.exotrace.nta..", "org.exotrace.stats.."));

    /** Every module of the application; a new module is added here, with its declared dependencies. */
    private static final Set<String> ALL = Set.of("shared", "platform", "account", "audit", "donor", "batch",
            "specification", "results", "quality", "characterization", "release", "compliance", "outcome",
            "clinic", "supply", "treatment", "followup", "photograph", "course", "dossier", "demo", "backup", "video", "trace", "product", "recall", "coldchain", "evidence", "deidentification", "costing");

    /** About the most a newcomer can hold in mind at once (issue 11). */
    private static final long MOST_LINES_PER_MODULE = 2_500;

    /** Verifies cycles, internals and each module's {@code allowedDependencies} together. */
    @Test
    void modulesHaveNoCyclesAndUseOnlyTheirDeclaredDependenciesPublicTypes() {
        MODULES.verify();
    }

    @Test
    void knowsEveryModuleAndTreatsSharedAsOpen() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrderElementsOf(ALL)
                .doesNotContain("nta", "stats");
        assertThat(MODULES.getModuleByName("shared")).hasValueSatisfying(m -> assertThat(m.isOpen()).isTrue());
    }

    /**
     * Quality control is three modules along the work, each below about 2,500 lines: what a lot
     * must meet, what was measured (with the investigations of failures), and the lot's verdict.
     * Each depends only on the ones before it.
     */
    @Test
    void splitsQualityControlIntoSpecificationResultsAndLotQuality() {
        assertDependsOnlyOn("specification", "batch", "product", "shared");
        assertDependsOnlyOn("results", "specification", "batch", "product", "account", "shared");
        assertDependsOnlyOn("quality", "specification", "results", "batch", "product", "shared");
    }

    @Test
    void keepsEveryModuleSmallEnoughToReadInOneSitting() throws Exception {
        for (String module : ALL) {
            Path source = Path.of("src", "main", "java", "org", "exotrace", module);
            long lines;
            try (var files = Files.walk(source)) {
                lines = files.filter(f -> f.toString().endsWith(".java")).mapToLong(ModularityTests::lines).sum();
            }
            assertThat(lines).as("lines of module %s", module).isPositive().isLessThanOrEqualTo(MOST_LINES_PER_MODULE);
        }
    }

    /**
     * The clinic's work runs one way: clinics and patients, then the units supplied to them, then
     * treatment, then follow-up and photographs, and the course pages over all of them. No step
     * reaches back to an earlier one's successor, so each can be read without the ones after it.
     */
    @Test
    void clinicModulesDependOnlyOnTheStepsBeforeThem() {
        assertThat(dependencies("clinic")).doesNotContain("supply", "treatment", "followup", "photograph", "course");
        assertThat(dependencies("supply")).contains("clinic").doesNotContain("treatment", "followup", "photograph", "course");
        assertThat(dependencies("treatment")).contains("clinic", "supply").doesNotContain("followup", "photograph", "course");
        assertThat(dependencies("followup")).contains("clinic", "treatment").doesNotContain("photograph", "course");
        assertThat(dependencies("photograph")).contains("clinic", "treatment").doesNotContain("followup", "course");
        assertThat(dependencies("course")).contains("clinic", "supply", "treatment", "followup");
        assertThat(MODULES.stream().filter(m -> dependencies(m.getIdentifier().toString()).contains("course"))).isEmpty();
    }

    private static List<String> dependencies(String module) {
        ApplicationModule m = MODULES.getModuleByName(module).orElseThrow();
        return m.getDirectDependencies(MODULES).uniqueModules().map(d -> d.getIdentifier().toString()).toList();
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertDependsOnlyOn(String module, String... allowed) {
        var m = MODULES.getModuleByName(module).orElseThrow();
        assertThat(m.getDirectDependencies(MODULES).uniqueModules().map(d -> d.getIdentifier().toString()))
                .as("modules %s depends on", module)
                .isNotEmpty()
                .isSubsetOf(allowed);
    }

    @Test
    void everyModuleButTheOpenOneDeclaresItsAllowedDependencies() {
        assertThat(MODULES.stream().filter(m -> !m.isOpen()).filter(m -> m.getAllowedDependencies(MODULES).isEmpty())
                .map(m -> m.getIdentifier().toString())).as("modules without allowedDependencies in their package-info").isEmpty();
    }

    /**
     * A domain event that nobody hears is a promise nobody keeps. Listeners are the parameters of
     * methods annotated {@code @EventListener}, {@code @TransactionalEventListener} or
     * {@code @ApplicationModuleListener} (in any module, the publisher's own included). Spring Modulith
     * does not see what is published without jMolecules, so the published types are read from the
     * sources: the type constructed, or whose factory is called, in each {@code publishEvent(...)}.
     */
    @Test
    void everyPublishedEventHasAListener() throws Exception {
        Set<String> heard = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.exotrace").stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> LISTENERS.stream().anyMatch(m::isAnnotatedWith))
                .flatMap(m -> m.getRawParameterTypes().stream()).map(JavaClass::getSimpleName).collect(Collectors.toSet());
        Set<String> published = publishedEventTypes(Path.of("src", "main", "java", "org", "exotrace"));
        assertThat(published).as("events the modules publish").contains("RecordChanged", "ConsentWithdrawn", "DonorEligibilityLost",
                "ResultInvalidated", "LotQuarantined", "NtaSubmitted");
        assertThat(published).as("published events nobody listens to").isSubsetOf(heard);
    }

    private static final List<String> LISTENERS = List.of("org.springframework.context.event.EventListener",
            "org.springframework.transaction.event.TransactionalEventListener",
            "org.springframework.modulith.events.ApplicationModuleListener");

    private static final Pattern PUBLISH = Pattern.compile("publishEvent\\(");
    private static final Pattern EVENT = Pattern.compile("(?:new\\s+([A-Z]\\w*)\\s*\\(|\\b([A-Z]\\w*)\\.[a-z]\\w*\\()");

    private static Set<String> publishedEventTypes(Path sources) throws Exception {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                Matcher call = PUBLISH.matcher(code);
                while (call.find()) {
                    String argument = argument(code, call.end());
                    Matcher type = EVENT.matcher(argument);
                    // the first application type named in the argument is the event: new X(...) or X.factory(...)
                    while (type.find()) {
                        String name = type.group(1) != null ? type.group(1) : type.group(2);
                        if (MODULES.stream().anyMatch(m -> m.getType(name).isPresent())) {
                            types.add(name);
                            break;
                        }
                    }
                }
            }
        }
        return types;
    }

    /** The text between the opening parenthesis that ends at {@code from} and its closing one. */
    private static String argument(String code, int from) {
        int depth = 1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return code.substring(from, i);
        }
        throw new IllegalStateException("unbalanced publishEvent( call");
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        new Documenter(MODULES).writeDocumentation();

        Path docs = Path.of("target", "spring-modulith-docs");
        assertThat(docs.resolve("components.puml")).exists();
        try (var files = Files.list(docs)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("module-donor.adoc", "module-audit.puml");
        }
    }

    /**
     * The module diagram in {@code docs/modules} is the one the code draws: a new module, a renamed
     * one or a new dependency fails here until the generated {@code components.puml} is copied there.
     * Compared line by line as a set, since the order of a diagram's lines carries no meaning.
     */
    @Test
    void theCommittedModuleDiagramMatchesTheCode() throws Exception {
        new Documenter(MODULES).writeDocumentation();
        Path generated = Path.of("target", "spring-modulith-docs", "components.puml");
        Path committed = Path.of("..", "docs", "modules", "components.puml");
        assertThat(new TreeSet<>(Files.readAllLines(committed)))
                .as("docs/modules/components.puml is out of date: copy exotrace-app/%s over it", generated)
                .isEqualTo(new TreeSet<>(Files.readAllLines(generated)));
    }

}

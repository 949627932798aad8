package org.exotrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure is a rule, not a convention: no cycles, no reaching into another module's internals. */
class ModularityTests {

    /**
     * The application's modules. {@code org.exotrace.nta} is left out: it is a separate library (its
     * own Maven module, no Spring) that the application uses like any other dependency.
     */
    private static final ApplicationModules MODULES = ApplicationModules.of(ExotraceApplication.class,
            JavaClass.Predicates.resideInAPackage("org.exotrace.nta.."));

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        MODULES.verify();
    }

    @Test
    void knowsTheBusinessModulesAndTreatsSharedAsOpen() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "account", "audit", "donor", "batch", "quality", "release", "dossier", "shared")
                .doesNotContain("nta");
        assertThat(MODULES.getModuleByName("shared")).hasValueSatisfying(m -> assertThat(m.isOpen()).isTrue());
    }

    /**
     * Quality control is three modules along the work, each below about 2,500 lines: what a lot
     * must meet, what was measured (with the investigations of failures), and the lot's verdict.
     * Each depends only on the ones before it.
     */
    @Test
    void splitsQualityControlIntoSpecificationResultsAndLotQuality() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).contains("specification", "results", "quality");
        assertDependsOnlyOn("specification", "batch", "shared");
        assertDependsOnlyOn("results", "specification", "batch", "account", "shared");
        assertDependsOnlyOn("quality", "specification", "results", "batch", "shared");
    }

    @Test
    void keepsEachQualityControlModuleBelowTwoAndAHalfThousandLines() throws Exception {
        for (String module : new String[] {"specification", "results", "quality"}) {
            Path source = Path.of("src", "main", "java", "org", "exotrace", module);
            long lines;
            try (var files = Files.walk(source)) {
                lines = files.filter(f -> f.toString().endsWith(".java")).mapToLong(ModularityTests::lines).sum();
            }
            assertThat(lines).as("lines of module %s", module).isPositive().isLessThanOrEqualTo(2_500);
        }
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
    void writesModuleDocumentation() throws Exception {
        new Documenter(MODULES).writeDocumentation();

        Path docs = Path.of("target", "spring-modulith-docs");
        assertThat(docs.resolve("components.puml")).exists();
        try (var files = Files.list(docs)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("module-donor.adoc", "module-audit.puml");
        }
    }
}

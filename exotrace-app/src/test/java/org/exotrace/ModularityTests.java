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

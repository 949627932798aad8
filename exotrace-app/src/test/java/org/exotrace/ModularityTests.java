package org.exotrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
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
                .contains("clinic", "supply", "treatment", "followup", "photograph", "course")
                .doesNotContain("nta");
        assertThat(MODULES.getModuleByName("shared")).hasValueSatisfying(m -> assertThat(m.isOpen()).isTrue());
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

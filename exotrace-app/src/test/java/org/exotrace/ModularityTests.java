package org.exotrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure is a rule, not a convention: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(ExotraceApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        MODULES.verify();
    }

    @Test
    void knowsTheBusinessModulesAndTreatsSharedAsOpen() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "account", "audit", "donor", "shared");
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

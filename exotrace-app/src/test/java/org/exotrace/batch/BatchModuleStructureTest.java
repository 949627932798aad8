package org.exotrace.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.exotrace.ExotraceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class BatchModuleStructureTest {

    @Test
    void batchModuleUsesOnlyDonorAuditAndSharedPublicTypes() {
        var violations = ApplicationModules.of(ExotraceApplication.class).detectViolations().getMessages().stream()
                .filter(m -> m.contains("org.exotrace.batch") || m.contains("'batch'"))
                .toList();
        assertThat(violations).isEmpty();
    }
}

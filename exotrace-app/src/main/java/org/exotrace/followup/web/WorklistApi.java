package org.exotrace.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.exotrace.followup.Worklist;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Worklist", description = "The visits due at a clinic (its staff only)")
class WorklistApi {

    private final Worklist worklist;

    WorklistApi(Worklist worklist) {
        this.worklist = worklist;
    }

    @GetMapping("/clinics/{id}/worklist")
    @Operation(summary = "The clinic's visits not done yet: overdue, due on the day (today by default), due in the next days (7 by default), "
            + "and plans more than 30 days behind")
    Worklist.ClinicWorklist worklist(@PathVariable UUID id,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(defaultValue = "7") int days) {
        return worklist.of(id, from, days);
    }
}

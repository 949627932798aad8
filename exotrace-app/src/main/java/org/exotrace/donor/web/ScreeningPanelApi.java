package org.exotrace.donor.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.exotrace.donor.ScreeningPanel;
import org.exotrace.donor.ScreeningPanels;
import org.exotrace.donor.ScreeningTest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Screening panels", description = "The catalog of coded donor screening tests and the panels required per source type and jurisdiction")
class ScreeningPanelApi {

    record RequiredTestChange(String testCode, Integer daysBefore, Integer daysAfter, String source, Boolean verified, String reason) {
        ScreeningPanels.RequiredTestInput input() {
            return new ScreeningPanels.RequiredTestInput(testCode, daysBefore, daysAfter, source, verified);
        }
    }

    private final ScreeningPanels panels;

    ScreeningPanelApi(ScreeningPanels panels) {
        this.panels = panels;
    }

    @GetMapping("/api/screening-tests")
    @Operation(summary = "The catalog of coded screening tests, each with its allowed results and what each result means")
    List<ScreeningTest> catalog() {
        return panels.catalog();
    }

    @GetMapping("/api/screening-panels")
    @Operation(summary = "Every screening panel with its required tests, windows and sources")
    List<ScreeningPanel> all() {
        return panels.all();
    }

    @GetMapping("/api/screening-panels/{id}")
    ScreeningPanel get(@PathVariable UUID id) {
        return panels.get(id);
    }

    @PostMapping("/api/screening-panels")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a panel for a human source type in a jurisdiction (a country code or EU), citing its source (QA)")
    ScreeningPanel create(@RequestBody ScreeningPanels.PanelInput body) {
        return panels.create(body);
    }

    @PostMapping("/api/screening-panels/{id}/tests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Require a catalog test, with its window around collection, its source and a reason (QA)")
    ScreeningPanel addTest(@PathVariable UUID id, @RequestBody RequiredTestChange body) {
        return panels.addTest(id, body.input(), body.reason());
    }

    @PutMapping("/api/screening-panels/{id}/tests/{testCode}")
    @Operation(summary = "Change a required test's window, source or verification, with a reason (QA)")
    ScreeningPanel changeTest(@PathVariable UUID id, @PathVariable String testCode, @RequestBody RequiredTestChange body) {
        return panels.changeTest(id, testCode, body.input(), body.reason());
    }

    @DeleteMapping("/api/screening-panels/{id}/tests/{testCode}")
    @Operation(summary = "Stop requiring a test, with ?reason= (QA); the entry stays on record")
    ScreeningPanel removeTest(@PathVariable UUID id, @PathVariable String testCode, @RequestParam(required = false) String reason) {
        return panels.removeTest(id, testCode, reason);
    }
}

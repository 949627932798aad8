package org.exotrace.quality.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.results.OosInvestigation;
import org.exotrace.results.OosInvestigations;
import org.exotrace.results.Result;
import org.exotrace.results.Results;
import org.exotrace.results.ResultsOnRecord;
import org.exotrace.specification.SpecificationCatalog;
import org.exotrace.specification.Verdict;
import org.exotrace.shared.DomainProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The investigation pages: QA's list of open OOS investigations, and one investigation with its
 * phase I findings, phase II plan, additional results, proposed conclusion and QA's approval.
 * Each section posts its own form; a refusal shows the page again with the message beside each
 * field and nothing written, a success redirects with a notice.
 */
@Controller
class InvestigationController {

    record PhaseOneForm(String calculationCheck, String instrumentCheck, String standardCheck, String samplePreparationCheck, String hypothesis) {
        static PhaseOneForm of(OosInvestigation i) {
            OosInvestigation.PhaseOne p = i.phaseOne();
            return p == null ? new PhaseOneForm("", "", "", "", "")
                    : new PhaseOneForm(p.calculationCheck(), p.instrumentCheck(), p.standardCheck(), p.samplePreparationCheck(), p.hypothesis());
        }
    }

    record PhaseTwoForm(String productionReview, String plan, String resamplingJustification) {
        static PhaseTwoForm blank() { return new PhaseTwoForm("", "", ""); }
    }

    /** An additional result, bound as text so a mistyped number gets a field message. */
    record ResultForm(String kind, String value, String unit, String category, String method, String instrument,
                      LocalDateTime performedAt, String retestReason, String detail) {
        static ResultForm blank() {
            return new ResultForm("RETEST", "", "", "", "", "", LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES), "", "");
        }
    }

    record ProposalForm(String conclusion, String causeCategory, String causeDescription, String summary) {
        static ProposalForm blank() { return new ProposalForm("", "", "", ""); }
    }

    record ApprovalForm(String username, String password, String comment, Boolean confirm) {}

    private final OosInvestigations investigations;
    private final Results results;
    private final Lots lots;
    private final SpecificationCatalog specifications;

    private final MessageSource messages;

    InvestigationController(OosInvestigations investigations, Results results, Lots lots, SpecificationCatalog specifications, MessageSource messages) {
        this.messages = messages;
        this.investigations = investigations;
        this.results = results;
        this.lots = lots;
        this.specifications = specifications;
    }

    @GetMapping("/investigations")
    String list(@RequestParam(defaultValue = "open") String show, Model model) {
        boolean all = "all".equals(show);
        List<OosInvestigation> list = all ? investigations.recent(200) : investigations.open();
        Map<UUID, Lot> lotOf = new LinkedHashMap<>();
        Map<UUID, Result> resultOf = new LinkedHashMap<>();
        Map<UUID, String> testName = new LinkedHashMap<>();
        list.forEach(i -> {
            lotOf.computeIfAbsent(i.lotId(), lots::get);
            Result r = results.get(i.resultId());
            resultOf.put(i.resultId(), r);
            testName.put(i.id(), specifications.get(r.specificationId()).test(i.testCode()).map(t -> t.name()).orElse(i.testCode()));
        });
        model.addAttribute("testName", testName);
        model.addAttribute("investigations", list);
        model.addAttribute("lotOf", lotOf);
        model.addAttribute("resultOf", resultOf);
        model.addAttribute("all", all);
        return "quality/investigations";
    }

    @GetMapping("/investigations/{id}")
    String page(@PathVariable UUID id, Model model) {
        OosInvestigation i = investigations.get(id);
        return render(i, PhaseOneForm.of(i), PhaseTwoForm.blank(), ResultForm.blank(), ProposalForm.blank(), Map.of(), model);
    }

    @PostMapping("/investigations/{id}/phase-one")
    String phaseOne(@PathVariable UUID id, @ModelAttribute PhaseOneForm form, Model model, RedirectAttributes redirect) {
        try {
            OosInvestigation i = investigations.recordPhaseOne(id, new OosInvestigations.PhaseOneEntry(form.calculationCheck(),
                    form.instrumentCheck(), form.standardCheck(), form.samplePreparationCheck(), form.hypothesis()));
            return done(i, text("quality.investigation.phaseOneRecorded"), redirect);
        } catch (DomainProblem p) {
            OosInvestigation i = investigations.get(id);
            return render(i, form, PhaseTwoForm.blank(), ResultForm.blank(), ProposalForm.blank(), errors(p), model);
        }
    }

    @PostMapping("/investigations/{id}/phase-two")
    String phaseTwo(@PathVariable UUID id, @ModelAttribute PhaseTwoForm form, Model model, RedirectAttributes redirect) {
        try {
            OosInvestigation i = investigations.escalate(id, new OosInvestigations.PhaseTwoEntry(form.productionReview(), form.plan(),
                    form.resamplingJustification()));
            return done(i, text("quality.investigation.phaseTwoStarted"), redirect);
        } catch (DomainProblem p) {
            OosInvestigation i = investigations.get(id);
            return render(i, PhaseOneForm.of(i), form, ResultForm.blank(), ProposalForm.blank(), errors(p), model);
        }
    }

    @PostMapping("/investigations/{id}/results")
    String result(@PathVariable UUID id, @ModelAttribute ResultForm form, @RequestParam(value = "file", required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect) throws IOException {
        OosInvestigation i = investigations.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Double value = RawFiles.value(form.value(), "0.2", errors);
        if (form.performedAt() == null) errors.put("performedAt", "give when the test was performed");
        if (errors.isEmpty()) {
            try {
                Results.Upload upload = RawFiles.upload(file);
                Result r = investigations.recordResult(id, new Results.Entry(i.testCode(), value, form.unit(), form.category(), form.detail(),
                        form.method(), form.instrument(), form.performedAt().atZone(ZoneId.systemDefault()).toInstant(), i.resultId(),
                        form.retestReason()), upload, form.kind());
                return done(i, r.verdictAtEntry() == Verdict.FAIL ? text("quality.investigation.additionalResult.oos", i.number(), r.resultLabel())
                        : text("quality.investigation.additionalResult", i.number(), r.resultLabel(), r.verdictAtEntry().name().toLowerCase()), redirect);
            } catch (DomainProblem p) {
                errors.putAll(errors(p));
            }
        }
        return render(investigations.get(id), PhaseOneForm.of(i), PhaseTwoForm.blank(), form, ProposalForm.blank(), errors, model);
    }

    @PostMapping("/investigations/{id}/proposal")
    String propose(@PathVariable UUID id, @ModelAttribute ProposalForm form, Model model, RedirectAttributes redirect) {
        try {
            OosInvestigation i = investigations.propose(id, new OosInvestigations.ProposalEntry(form.conclusion(), form.causeCategory(),
                    form.causeDescription(), form.summary()));
            return done(i, text("quality.investigation.proposed", i.proposal().conclusion().label()), redirect);
        } catch (DomainProblem p) {
            OosInvestigation i = investigations.get(id);
            return render(i, PhaseOneForm.of(i), PhaseTwoForm.blank(), ResultForm.blank(), form, errors(p), model);
        }
    }

    @PostMapping("/investigations/{id}/approval")
    String approve(@PathVariable UUID id, @ModelAttribute ApprovalForm form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Boolean.TRUE.equals(form.confirm())) {
            errors.put("confirm", text("quality.investigation.confirmMeaning"));
        } else {
            try {
                OosInvestigation i = investigations.approve(id, new OosInvestigations.ApprovalEntry(form.username(), form.password(), form.comment()));
                return done(i, text("quality.investigation.approved", i.approval().printedName(), i.conclusion().label(), i.number()), redirect);
            } catch (DomainProblem p) {
                errors.putAll(errors(p));
                model.addAttribute("refusal", p.reasons());
            }
        }
        OosInvestigation i = investigations.get(id);
        model.addAttribute("approvalComment", form.comment());
        return render(i, PhaseOneForm.of(i), PhaseTwoForm.blank(), ResultForm.blank(), ProposalForm.blank(), errors, model);
    }

    @PostMapping("/investigations/{id}/return")
    String returnProposal(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        try {
            OosInvestigation i = investigations.returnProposal(id, reason);
            return done(i, text("quality.investigation.returned"), redirect);
        } catch (DomainProblem p) {
            OosInvestigation i = investigations.get(id);
            return render(i, PhaseOneForm.of(i), PhaseTwoForm.blank(), ResultForm.blank(), ProposalForm.blank(), errors(p), model);
        }
    }

    private String done(OosInvestigation i, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message);
        return "redirect:/investigations/" + i.id();
    }

    private static Map<String, String> errors(DomainProblem p) {
        Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
        if (errors.isEmpty()) errors.put("form", p.getMessage());
        return errors;
    }

    private String render(OosInvestigation i, PhaseOneForm phaseOne, PhaseTwoForm phaseTwo, ResultForm result, ProposalForm proposal,
                          Map<String, String> errors, Model model) {
        Lot lot = lots.get(i.lotId());
        ResultsOnRecord onRecord = investigations.onRecord(i.lotId());
        model.addAttribute("inv", i);
        model.addAttribute("lot", lot);
        model.addAttribute("lotOpen", lot.acceptsResults());
        model.addAttribute("original", results.get(i.resultId()));
        model.addAttribute("test", specifications.get(results.get(i.resultId()).specificationId()).test(i.testCode()).orElse(null));
        model.addAttribute("lines", onRecord.of(i.testCode()));
        model.addAttribute("originalLine", onRecord.lines().stream().filter(l -> l.result().id().equals(i.resultId())).findFirst().orElseThrow());
        model.addAttribute("phaseOneForm", phaseOne);
        model.addAttribute("phaseTwoForm", phaseTwo);
        model.addAttribute("resultForm", result);
        model.addAttribute("proposalForm", proposal);
        model.addAttribute("causes", OosInvestigation.Cause.values());
        model.addAttribute("conclusions", OosInvestigation.Conclusion.values());
        model.addAttribute("testings", OosInvestigation.Testing.values());
        model.addAttribute("errors", errors);
        return "quality/investigation";
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

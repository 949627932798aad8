package org.exotrace.quality.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.quality.LotEvaluation;
import org.exotrace.quality.LotQuality;
import org.exotrace.results.Result;
import org.exotrace.results.ResultSets;
import org.exotrace.results.Results;
import org.exotrace.specification.Specification;
import org.exotrace.specification.SpecificationCatalog;
import org.exotrace.specification.TestDefinition;
import org.exotrace.specification.TestKind;
import org.exotrace.specification.Verdict;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Page;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Results entered many at a time, all or nothing ({@link ResultSets}): every test of a lot's
 * effective specification on one form (one row per test, empty rows skipped), and a worksheet of
 * one test across the lots in testing that lack it. A refusal puts each row's messages beside the
 * row and keeps everything typed; a success shows each recorded result with its verdict at entry,
 * out-of-specification results flagged.
 */
@Controller
class ResultSheetController {

    /** Lots the worksheet shows at most (the newest lacking the test); older ones appear as these are recorded. */
    static final int WORKSHEET_ROWS = 100;

    /** What one row of a sheet holds as typed. */
    record Typed(String value, String unit, String category, String method, String instrument, String performedAt) {

        boolean empty() {
            return blank(value) && blank(category) && blank(method) && blank(instrument);
        }
    }

    /** A row of the lot's sheet: the test, its valid result if it has one (then read-only), what was typed and its messages. */
    record TestRow(TestDefinition test, Result existing, Typed typed, Map<String, String> errors) {}

    /** A row of the worksheet: a lot lacking the test, what was typed and its messages. */
    record LotRow(Lot lot, Typed typed, Map<String, String> errors) {}

    /** A recorded result as the answer shows it. */
    record Recorded(String lot, String test, String result, String verdict, boolean outOfSpecification) implements Serializable {}

    private final Lots lots;
    private final SpecificationCatalog specifications;
    private final LotQuality quality;
    private final ResultSets sets;

    private final MessageSource messages;

    ResultSheetController(Lots lots, SpecificationCatalog specifications, LotQuality quality, ResultSets sets, MessageSource messages) {
        this.messages = messages;
        this.lots = lots;
        this.specifications = specifications;
        this.quality = quality;
        this.sets = sets;
    }

    @GetMapping("/lots/{lotId}/results/all")
    String lotSheet(@PathVariable UUID lotId, Model model) {
        return lotPage(lots.get(lotId), Map.of(), Map.of(), null, model);
    }

    @PostMapping("/lots/{lotId}/results/all")
    String recordLot(@PathVariable UUID lotId, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                     HttpServletResponse response) {
        Lot lot = lots.get(lotId);
        Specification spec = specifications.effective(lot.productCode()).orElseThrow(() -> DomainProblem.conflict(
                "Product " + lot.productCode() + " has no effective specification; QA must publish one first."));
        Map<String, Typed> typed = new LinkedHashMap<>();
        spec.tests().forEach(t -> typed.put(t.code(), typed(params, t.code())));
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        List<ResultSets.LotEntry> entries = new ArrayList<>();
        Set<String> done = validTests(lotId);
        for (TestDefinition t : spec.tests()) {
            Typed row = typed.get(t.code());
            if (t.derived() || done.contains(t.code()) || row.empty()) continue;
            Optional<Results.Entry> entry = entry(t.code(), row, row.method(), row.instrument(), row.performedAt(), row.unit(),
                    errors.computeIfAbsent(t.code(), k -> new LinkedHashMap<>()));
            entry.ifPresent(e -> {
                order.add(t.code());
                entries.add(new ResultSets.LotEntry(lotId, e));
            });
        }
        errors.values().removeIf(Map::isEmpty);
        String form = null;
        if (errors.isEmpty() && entries.isEmpty()) form = text("quality.sheet.nothingToRecord");
        if (errors.isEmpty() && form == null) {
            try {
                List<Result> recorded = sets.record(entries);
                redirect.addFlashAttribute("recorded", recorded.stream().map(r -> recorded(lot, r, spec)).toList());
                return "redirect:/lots/" + lotId + "/results/all";
            } catch (DomainProblem p) {
                form = rowErrors(p, order, errors);
            }
        }
        response.setStatus(400);
        return lotPage(lot, typed, errors, form == null ? text("quality.sheet.nothingRecorded") : form, model);
    }

    @GetMapping("/results/worksheet")
    String worksheet(@RequestParam(defaultValue = "") String test, Model model) {
        return worksheetPage(test, Map.of(), Map.of(), null, blankShared(), model);
    }

    @PostMapping("/results/worksheet")
    String recordWorksheet(@RequestParam(defaultValue = "") String test, @RequestParam Map<String, String> params, Model model,
                           RedirectAttributes redirect, HttpServletResponse response) {
        Optional<Chosen> chosen = choose(test);
        if (chosen.isEmpty()) return worksheetPage(test, Map.of(), Map.of(), text("quality.worksheet.chooseTest"), blankShared(), model);
        Typed shared = new Typed("", params.getOrDefault("unit", ""), "", params.getOrDefault("method", ""),
                params.getOrDefault("instrument", ""), params.getOrDefault("performedAt", ""));
        Map<String, Typed> typed = new LinkedHashMap<>();
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        List<ResultSets.LotEntry> entries = new ArrayList<>();
        List<Lot> rows = lacking(chosen.get());
        for (Lot lot : rows) {
            String key = lot.id().toString();
            Typed row = new Typed(params.getOrDefault("value." + key, ""), shared.unit(), params.getOrDefault("category." + key, ""), "", "", "");
            typed.put(key, row);
            if (blank(row.value()) && blank(row.category())) continue;
            entry(chosen.get().test().code(), row, shared.method(), shared.instrument(), shared.performedAt(), shared.unit(),
                    errors.computeIfAbsent(key, k -> new LinkedHashMap<>())).ifPresent(e -> {
                        order.add(key);
                        entries.add(new ResultSets.LotEntry(lot.id(), e));
                    });
        }
        errors.values().removeIf(Map::isEmpty);
        String form = null;
        if (errors.isEmpty() && entries.isEmpty()) form = text("quality.worksheet.nothingToRecord");
        if (errors.isEmpty() && form == null) {
            try {
                List<Result> recorded = sets.record(entries);
                Map<UUID, Lot> byId = rows.stream().collect(Collectors.toMap(Lot::id, l -> l));
                redirect.addFlashAttribute("recorded", recorded.stream().map(r -> recorded(byId.get(r.lotId()), r, chosen.get().spec())).toList());
                return "redirect:" + UriComponentsBuilder.fromPath("/results/worksheet").queryParam("test", test).build().toUriString();
            } catch (DomainProblem p) {
                form = rowErrors(p, order, errors);
            }
        }
        // A message about a shared field (method, instrument, performed at, unit) is the same on every row: shown once, beside the field.
        Map<String, String> sharedErrors = new LinkedHashMap<>();
        errors.values().forEach(row -> List.of("method", "instrument", "performedAt", "unit").forEach(f -> {
            String m = row.remove(f);
            if (m != null) sharedErrors.putIfAbsent(f, m);
        }));
        errors.values().removeIf(Map::isEmpty);
        response.setStatus(400);
        model.addAttribute("sharedErrors", sharedErrors);
        return worksheetPage(test, typed, errors, form == null ? text("quality.worksheet.nothingRecorded") : form, shared, model);
    }

    /** Puts the set's refusals ({@code results[i].field}) on the rows they came from; answers a message for the form, if any. */
    private static String rowErrors(DomainProblem p, List<String> order, Map<String, Map<String, String>> errors) {
        String form = null;
        for (Map.Entry<String, String> e : p.fieldErrors().entrySet()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("results\\[(\\d+)](?:\\.(\\w+))?").matcher(e.getKey());
            if (m.matches() && Integer.parseInt(m.group(1)) < order.size()) {
                String field = m.group(2) == null || m.group(2).equals("testCode") ? "row" : m.group(2);
                errors.computeIfAbsent(order.get(Integer.parseInt(m.group(1))), k -> new LinkedHashMap<>()).putIfAbsent(field, e.getValue());
            } else {
                form = e.getValue();
            }
        }
        if (p.fieldErrors().isEmpty()) form = p.getMessage();
        return form;
    }

    /** The entry a row makes, or empty with its messages in {@code errors} when a number or a date cannot be read. */
    private static Optional<Results.Entry> entry(String testCode, Typed row, String method, String instrument, String performedAt, String unit,
                                                 Map<String, String> errors) {
        Double value = RawFiles.value(row.value(), "98.5", errors);
        java.time.Instant at = null;
        if (blank(performedAt)) {
            errors.put("performedAt", "give when the test was performed");
        } else {
            try {
                at = LocalDateTime.parse(performedAt.strip()).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("performedAt", "'" + performedAt + "' is not a date and time");
            }
        }
        if (!errors.isEmpty()) return Optional.empty();
        return Optional.of(new Results.Entry(testCode, value, unit, blank(row.category()) ? null : row.category(), null, method, instrument, at,
                null, null));
    }

    private static Typed typed(Map<String, String> params, String code) {
        return new Typed(params.getOrDefault("value." + code, ""), params.getOrDefault("unit." + code, ""),
                params.getOrDefault("category." + code, ""), params.getOrDefault("method." + code, ""),
                params.getOrDefault("instrument." + code, ""), params.getOrDefault("performedAt." + code, ""));
    }

    private Set<String> validTests(UUID lotId) {
        LotEvaluation evaluation = quality.evaluate(lotId);
        return evaluation.specification().tests().stream().map(TestDefinition::code)
                .filter(code -> evaluation.resultFor(code).isPresent()).collect(Collectors.toSet());
    }

    private String lotPage(Lot lot, Map<String, Typed> typed, Map<String, Map<String, String>> errors, String formError, Model model) {
        model.addAttribute("lot", lot);
        model.addAttribute("open", lot.acceptsResults());
        model.addAttribute("formError", formError);
        Optional<Specification> spec = specifications.effective(lot.productCode());
        model.addAttribute("spec", spec.orElse(null));
        if (spec.isPresent()) {
            LotEvaluation evaluation = quality.evaluate(lot.id());
            String now = now();
            // a derived test (particles per ampoule) is computed from the others, never entered
            model.addAttribute("derived", spec.get().tests().stream().filter(TestDefinition::derived).toList());
            model.addAttribute("rows", spec.get().tests().stream().filter(t -> !t.derived()).map(t -> new TestRow(t, evaluation.resultFor(t.code()).orElse(null),
                    typed.getOrDefault(t.code(), new Typed("", t.kind() == TestKind.NUMERIC ? t.unit() : "", "", "", "", now)),
                    errors.getOrDefault(t.code(), Map.of()))).toList());
            model.addAttribute("missing", evaluation.evaluation().tests().stream().filter(t -> t.verdict() == Verdict.MISSING).count());
        }
        return "quality/sheet";
    }

    /** A test of a product's effective specification, as the worksheet's choice names it: {@code PRODUCT:test_code}. */
    record Chosen(Specification spec, TestDefinition test) {

        public String key() {
            return spec.productCode() + ":" + test.code();
        }
    }

    private Optional<Chosen> choose(String key) {
        int colon = key.lastIndexOf(':');
        if (colon < 1) return Optional.empty();
        return specifications.effective(key.substring(0, colon))
                .flatMap(spec -> spec.test(key.substring(colon + 1)).map(t -> new Chosen(spec, t)));
    }

    /**
     * Lots of the product in testing without a valid result of the test, oldest first: the newest
     * {@link #WORKSHEET_ROWS} of them. The product's lots in testing are read a page at a time, newest
     * first, until that many lack the result, so the sheet costs the same however many lots there are
     * (older lots appear as these are recorded).
     */
    private List<Lot> lacking(Chosen chosen) {
        List<Lot> lacking = new ArrayList<>();
        List<Lot> page;
        int n = 0;
        do {
            page = lots.inTestingOf(chosen.spec().productCode(), new Page.Request(n++, Page.MAX_SIZE));
            Set<UUID> done = sets.lotsWithValidResult(chosen.test().code(), page.stream().map(Lot::id).toList());
            page.stream().filter(l -> !done.contains(l.id())).limit(WORKSHEET_ROWS - lacking.size()).forEach(lacking::add);
        } while (page.size() == Page.MAX_SIZE && lacking.size() < WORKSHEET_ROWS);
        lacking.sort(java.util.Comparator.comparing(Lot::createdAt).thenComparing(Lot::code));
        return lacking;
    }

    private String worksheetPage(String test, Map<String, Typed> typed, Map<String, Map<String, String>> errors, String formError, Typed shared,
                                 Model model) {
        List<Chosen> choices = new ArrayList<>();
        specifications.allEffective().forEach(spec -> spec.tests().stream().filter(t -> !t.derived()).forEach(t -> choices.add(new Chosen(spec, t))));
        model.addAttribute("choices", choices);
        model.addAttribute("test", test);
        model.addAttribute("formError", formError);
        Optional<Chosen> chosen = choose(test);
        model.addAttribute("chosen", chosen.orElse(null));
        if (!model.containsAttribute("sharedErrors")) model.addAttribute("sharedErrors", Map.of());
        if (chosen.isPresent()) {
            TestDefinition t = chosen.get().test();
            boolean fresh = shared.performedAt().isEmpty();
            model.addAttribute("shared", fresh ? new Typed("", t.kind() == TestKind.NUMERIC ? t.unit() : "", "", "", "", now()) : shared);
            List<Lot> lacking = lacking(chosen.get());
            model.addAttribute("capped", lacking.size() >= WORKSHEET_ROWS);
            model.addAttribute("rows", lacking.stream().map(l -> new LotRow(l, typed.getOrDefault(l.id().toString(),
                    new Typed("", "", "", "", "", "")), errors.getOrDefault(l.id().toString(), Map.of()))).toList());
        }
        return "quality/worksheet";
    }

    private static Typed blankShared() {
        return new Typed("", "", "", "", "", "");
    }

    private Recorded recorded(Lot lot, Result r, Specification spec) {
        String name = spec.test(r.testCode()).map(TestDefinition::name).orElse(r.testCode());
        String verdict = switch (r.verdictAtEntry()) {
            case PASS -> text("quality.verdict.pass");
            case WARNING -> text("quality.verdict.warning");
            case FAIL -> text("quality.verdict.fail");
            default -> r.verdictAtEntry().name();
        };
        String result = r.category() == null ? r.resultText() : label(r.category());
        return new Recorded(lot == null ? "" : lot.code(), name, result, verdict, r.outOfSpecification());
    }

    /** A vocabulary value as people read it: NO_GROWTH as "No growth". */
    private static String label(String code) {
        String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}

package org.exotrace.release;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.exotrace.batch.Batches;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.product.Product;
import org.exotrace.product.Products;
import org.exotrace.specification.DerivedValue;
import org.exotrace.quality.LotEvaluation;
import org.exotrace.quality.LotQuality;
import org.exotrace.results.OosInvestigation;
import org.exotrace.results.OosInvestigations;
import org.exotrace.results.Result;
import org.exotrace.results.ResultsOnRecord;
import org.exotrace.release.internal.CertificateContent;
import org.exotrace.release.internal.CertificatePdf;
import org.exotrace.shared.DomainProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of analysis of released lots, rendered from the release decision: the
 * specification version it was signed against, every result with its limits and verdict, the
 * signature, and the size distribution when one exists. When a result was superseded or
 * invalidated or an out-of-specification investigation took place, every result on record (with
 * its status and reason) and every investigation (with its conclusion and approver) are printed too.
 */
@Service
public class Certificates {

    private final Releases releases;
    private final Lots lots;
    private final Batches batches;
    private final Products products;
    private final LotQuality quality;
    private final OosInvestigations investigations;
    private final CertificatePdf pdf = new CertificatePdf();
    private final String labName;
    private final String labAddress;
    private final ZoneId zone;

    Certificates(Releases releases, Lots lots, Batches batches, Products products, LotQuality quality, OosInvestigations investigations,
                 @Value("${exotrace.lab.name}") String labName, @Value("${exotrace.lab.address}") String labAddress,
                 @Value("${exotrace.zone:}") String zone) {
        this.investigations = investigations;
        this.releases = releases;
        this.lots = lots;
        this.batches = batches;
        this.products = products;
        this.quality = quality;
        this.labName = labName;
        this.labAddress = labAddress;
        this.zone = zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    /** The certificate number of the lot's release, if it was released. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> number(UUID lotId) {
        return releaseOf(lotId).map(Decision::certificateNumber);
    }

    @Transactional(readOnly = true)
    public byte[] render(UUID lotId) {
        return pdf.render(content(lotId));
    }

    @Transactional(readOnly = true)
    public CertificateContent content(UUID lotId) {
        Lot lot = lots.get(lotId);
        Decision release = releaseOf(lotId).orElseThrow(() -> DomainProblem.conflict(
                "Lot " + lot.code() + " has not been released; a certificate of analysis is issued only for released lots."));
        if (!lot.released()) {
            throw DomainProblem.conflict("Lot " + lot.code() + " is " + lot.state().label().toLowerCase()
                    + " since its release; its certificate of analysis is withdrawn until it is released again.");
        }
        Product product = products.get(lot.productCode());
        LotEvaluation evaluation = quality.evaluate(lotId, release.specificationId());
        List<CertificateContent.Row> rows = evaluation.evaluation().tests().stream().map(t -> {
            if (t.test().derived()) return derivedRow(evaluation, t);
            Result r = evaluation.resultsByTest().get(t.test().code());
            String result = r == null ? "not tested" : r.valueLabel();
            String unit = r == null || r.category() != null ? (t.test().unit() == null ? "" : t.test().unit()) : r.unit();
            return new CertificateContent.Row(t.test().name(), r == null ? "—" : r.method(), result, unit, t.test().limitsLabel(),
                    t.verdict().label());
        }).toList();
        LocalDate completed = evaluation.resultsByTest().values().stream().map(Result::performedAt).max(Comparator.naturalOrder())
                .map(i -> i.atZone(zone).toLocalDate()).orElse(release.decidedAt().atZone(zone).toLocalDate());
        String batchCodes = lots.batchIds(lotId).stream().map(id -> batches.get(id).code()).sorted().reduce((a, b) -> a + ", " + b).orElse("—");
        var signature = release.signature();
        List<CertificateContent.SizePoint> points = quality.sizeDistribution(lotId)
                .map(d -> d.curve().stream().map(p -> new CertificateContent.SizePoint(p.diameterNm(), p.fraction())).toList())
                .orElse(List.of());
        ResultsOnRecord onRecord = investigations.onRecord(lotId);
        List<CertificateContent.RecordRow> history = onRecord.hasHistory() ? onRecord.lines().stream().map(l -> new CertificateContent.RecordRow(
                l.testName(), l.result().resultLabel(), l.result().performedAt().atZone(zone).toLocalDate(), l.verdictText(), l.status(),
                remark(l))).toList() : List.of();
        List<CertificateContent.Investigation> oos = onRecord.investigations().stream().map(i -> investigation(i, onRecord)).toList();
        String conclusion = "Conforms to specification " + release.specificationReference() + ": released"
                + (oos.isEmpty() ? "" : ". Out-of-specification investigations concluded: " + String.join("; ",
                oos.stream().map(i -> i.number() + " (" + i.test() + " " + i.result() + "): " + i.conclusion()).toList()));
        return new CertificateContent(labName, labAddress, release.certificateNumber(), product.name(), product.code(), lot.code(),
                batchCodes, lot.manufacturedOn(), lot.expiresOn(),
                release.specificationReference(), rows, conclusion, completed,
                new CertificateContent.Signature(signature.printedName(), signature.username(), signature.signedAt(), signature.meaning().statement()),
                points, Instant.now(), zone, history, oos);
    }

    private static String remark(ResultsOnRecord.Line l) {
        String role = l.role() == null ? "" : l.role();
        String reason = l.reason() == null ? "" : l.reason();
        return role.isEmpty() ? reason : reason.isEmpty() ? role : role + ". " + reason;
    }

    private static CertificateContent.Investigation investigation(OosInvestigation i, ResultsOnRecord onRecord) {
        ResultsOnRecord.Line line = onRecord.lines().stream().filter(l -> l.result().id().equals(i.resultId())).findFirst().orElseThrow();
        OosInvestigation.Proposal p = i.proposal();
        return new CertificateContent.Investigation(i.number(), line.testName(), line.result().resultLabel(), i.phase().label(),
                i.isOpen() ? i.stateText() : i.conclusion().label(), p == null ? null : p.causeText(), p == null ? null : p.summary(),
                i.approval() == null ? null : i.approval().printedName() + " (" + i.approval().username() + ")",
                i.approval() == null ? null : i.approval().approvedAt());
    }

    /** A derived test's row: its value, and in the method column how it was computed with the numbers. */
    private static CertificateContent.Row derivedRow(LotEvaluation evaluation, org.exotrace.specification.TestEvaluation t) {
        DerivedValue d = evaluation.derivedFor(t.test().code()).orElse(null);
        String computed = d != null && d.expression() != null ? "Computed: " + d.expression()
                : "Computed as " + t.test().derivation().formula(evaluation.specification().tests());
        return new CertificateContent.Row(t.test().name(), computed, t.observation() == null ? "not computed" : t.observation().resultLabel(),
                t.test().unit(), t.test().limitsLabel(), t.verdict().label());
    }

        private java.util.Optional<Decision> releaseOf(UUID lotId) {
        return releases.decisions(lotId).stream().filter(d -> d.kind() == SignatureMeaning.RELEASE).reduce((a, b) -> b);
    }
}

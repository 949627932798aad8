package org.exotrace.release.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on a certificate of analysis for one product lot. All components are
 * required except {@code sizeDistribution}, which may be empty (or null, read as empty) when
 * no particle size chart is to be printed.
 */
public record CertificateContent(
    String labName, String labAddress, String certificateNumber,
    String productName, String productCode, String lotCode, String batchCode,
    LocalDate manufacturedOn, LocalDate expiresOn,
    String specificationReference,
    List<Row> rows,
    String conclusion,
    LocalDate testCompletionDate,
    Signature signature,
    List<SizePoint> sizeDistribution,
    Instant issuedAt,
    ZoneId zone,
    List<RecordRow> resultsOnRecord,
    List<Investigation> investigations) {

  /** A certificate without superseded or invalidated results and without investigations. */
  public CertificateContent(String labName, String labAddress, String certificateNumber, String productName, String productCode,
      String lotCode, String batchCode, LocalDate manufacturedOn, LocalDate expiresOn, String specificationReference, List<Row> rows,
      String conclusion, LocalDate testCompletionDate, Signature signature, List<SizePoint> sizeDistribution, Instant issuedAt,
      ZoneId zone) {
    this(labName, labAddress, certificateNumber, productName, productCode, lotCode, batchCode, manufacturedOn, expiresOn,
        specificationReference, rows, conclusion, testCompletionDate, signature, sizeDistribution, issuedAt, zone, List.of(), List.of());
  }

  public CertificateContent {
    text(labName, "labName");
    text(labAddress, "labAddress");
    text(certificateNumber, "certificateNumber");
    text(productName, "productName");
    text(productCode, "productCode");
    text(lotCode, "lotCode");
    text(batchCode, "batchCode");
    present(manufacturedOn, "manufacturedOn");
    present(expiresOn, "expiresOn");
    text(specificationReference, "specificationReference");
    rows = List.copyOf(present(rows, "rows"));
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("rows must hold at least one test result");
    }
    text(conclusion, "conclusion");
    present(testCompletionDate, "testCompletionDate");
    present(signature, "signature");
    sizeDistribution = sizeDistribution == null ? List.of() : List.copyOf(sizeDistribution);
    present(issuedAt, "issuedAt");
    present(zone, "zone");
    resultsOnRecord = resultsOnRecord == null ? List.of() : List.copyOf(resultsOnRecord);
    investigations = investigations == null ? List.of() : List.copyOf(investigations);
  }

  /**
   * One result on record, valid or not, when the lot has superseded or invalidated results or an
   * out-of-specification investigation: every result of every test is then printed, each with its
   * status and remark (how it came about, why it stopped counting).
   */
  public record RecordRow(String test, String result, LocalDate performedOn, String atEntry, String status, String remark) {
    public RecordRow {
      text(test, "record row test");
      text(result, "record row result of '" + test + "'");
      present(performedOn, "record row date of '" + test + "'");
      text(atEntry, "record row verdict at entry of '" + test + "'");
      text(status, "record row status of '" + test + "'");
      remark = remark == null ? "" : remark;
    }
  }

  /** An out-of-specification investigation of the lot with its conclusion and QA approval. */
  public record Investigation(String number, String test, String result, String phase, String conclusion, String cause,
                              String summary, String approvedBy, Instant approvedAt) {
    public Investigation {
      text(number, "investigation number");
      text(test, "investigation test of " + number);
      text(result, "investigation result of " + number);
      text(phase, "investigation phase of " + number);
      text(conclusion, "investigation conclusion of " + number);
    }
  }

  /** One tested attribute; {@code unit} may be null or empty for dimensionless results. */
  public record Row(String test, String method, String result, String unit, String limits, String verdict) {
    public Row {
      text(test, "row test");
      text(method, "row method of '" + test + "'");
      text(result, "row result of '" + test + "'");
      unit = unit == null ? "" : unit;
      text(limits, "row limits of '" + test + "'");
      text(verdict, "row verdict of '" + test + "'");
    }
  }

  /** The electronic signature (21 CFR Part 11 style: who, when, and what the signature means). */
  public record Signature(String printedName, String username, Instant signedAt, String meaning) {
    public Signature {
      text(printedName, "signature printedName");
      text(username, "signature username");
      present(signedAt, "signature signedAt");
      text(meaning, "signature meaning");
    }
  }

  /** One point of a number-weighted size distribution. */
  public record SizePoint(double diameterNm, double fraction) {
    public SizePoint {
      if (!Double.isFinite(diameterNm) || diameterNm < 0) {
        throw new IllegalArgumentException("diameterNm must be a finite value >= 0, was " + diameterNm);
      }
      if (!Double.isFinite(fraction) || fraction < 0) {
        throw new IllegalArgumentException("fraction must be a finite value >= 0, was " + fraction);
      }
    }
  }

  private static <T> T present(T value, String name) {
    return Objects.requireNonNull(value, name + " is required on a certificate of analysis");
  }

  private static void text(String value, String name) {
    if (present(value, name).isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank on a certificate of analysis");
    }
  }
}

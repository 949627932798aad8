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
    ZoneId zone) {

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

package org.exotrace.release.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.exotrace.release.internal.CertificateContent.Row;
import org.exotrace.release.internal.CertificateContent.Signature;
import org.exotrace.release.internal.CertificateContent.SizePoint;
import org.junit.jupiter.api.Test;

class CertificatePdfTest {

  private static final List<Row> ROWS = List.of(
      new Row("Particle concentration", "NTA (ZetaView)", "2.4 × 10¹¹", "particles/mL", "≥ 1.0 × 10¹⁰", "Pass"),
      new Row("Modal particle size", "NTA (ZetaView)", "118", "nm", "50–200", "Pass"),
      new Row("Total protein", "BCA assay", "182", "µg/mL", "≤ 250", "Pass"),
      new Row("CD63-positive particles", "Bead-based flow cytometry", "92", "%", "≥ 80", "Pass"),
      new Row("Calnexin", "Western blot", "Not detected", null, "Not detected", "Pass"),
      new Row("Bacterial endotoxin", "LAL kinetic chromogenic", "0.8", "EU/mL", "≤ 0.5", "Out of specification"),
      new Row("Particle-to-protein ratio", "Calculated", "1.3 × 10⁹", "particles/µg", "≥ 1.0 × 10⁹", "Pass, with warning"),
      new Row("Sterility", "Ph. Eur. 2.6.1", "No growth", null, "No growth in 14 days", "Pass"),
      new Row("Mycoplasma", "qPCR (Ph. Eur. 2.6.7)", "Not detected", null, "Not detected", "Pass"),
      new Row("Appearance", "Visual inspection", "Clear, colourless", null, "Clear to opalescent", "Pass"),
      new Row("pH", "Potentiometry", "7.3", null, "7.0–7.6", "Pass"),
      new Row("Osmolality", "Freezing point depression", "295", "mOsm/kg", "270–330", "Not tested"));

  private static final String CONCLUSION = "Does not conform to specification: REJECTED";

  private final CertificatePdf pdf = new CertificatePdf();

  @Test
  void printsCertificateNumberLotAndProduct() throws IOException {
    String text = text(pdf.render(certificate("CoA-2026-00042", lognormal())));

    assertThat(text).contains("Certificate of Analysis", "CoA-2026-00042", "L-2026-117",
        "B-2026-0031", "Exosome serum (HMSC-EXO-SERUM)", "HMSC-EXO-SERUM version 2 (effective 2026-10-01)",
        "2026-09-14", "2027-09-14", "2026-10-12");
  }

  @Test
  void printsEveryResultWithItsLimits() throws IOException {
    String text = text(pdf.render(certificate("CoA-2026-00042", lognormal())));

    for (Row row : ROWS) {
      assertThat(text).contains(row.test(), row.result().replace("¹¹", "11").replace("⁹", "9"), row.verdict());
    }
    assertThat(text).contains("No growth in 14 days", "Clear to opalescent", "270–330");
  }

  @Test
  void printsConclusionAndWhoSignedWithWhatMeaning() throws IOException {
    String text = text(pdf.render(certificate("CoA-2026-00042", lognormal())));

    assertThat(text).contains(CONCLUSION)
        .contains("Electronically signed by Dr. Anna Berger (aberger) on 2026-10-13 11:05:09 +02:00 (Europe/Berlin)")
        .contains("Meaning: Release approved by Qualified Person");
  }

  @Test
  void printsLimitsWithTheSignsPeopleWriteAndSpellsOutWhatHelveticaCannotEncode() throws IOException {
    String text = text(pdf.render(certificate("CoA-2026-00042", lognormal())));

    assertThat(text).contains("µg/mL", "≤ 250", "≥ 80", "≥ 1.0 × 1010", "2.4 × 1011")
        .doesNotContain("<=", ">=", "⁰", "^");
  }

  @Test
  void raisesPowersOfTenInsteadOfSpellingThemWithACaret() throws IOException {
    byte[] bytes = pdf.render(certificate("CoA-2026-00042", lognormal()));
    java.nio.file.Path out = java.nio.file.Path.of("target", "pdfs", "certificate-raised-exponents.pdf");
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.write(out, bytes);

    // the exponent is its own smaller, raised run of digits: extracted text reads it right after the 10
    assertThat(text(bytes)).contains("2.4 × 1011", "≥ 1.0 × 1010", "1.3 × 109").doesNotContain("^", "⁰", "⁹", "¹");
  }

  @Test
  void neverSplitsAWordOfAResultAcrossLines() throws IOException {
    List<Row> rows = List.of(
        new Row("Single-vesicle imaging (TEM)", "TEM negative stain: cup-shaped vesicles 50-150 nm", "Conforms", null, "Conforms", "Pass"),
        new Row("Sterility", "Ph. Eur. 2.6.1 membrane filtration", "No growth", null, "No growth", "Pass"),
        new Row("Appearance", "Visual inspection", "Does not conform", null, "Conforms", "Out of specification"));
    CertificateContent c = certificate("CoA-2026-00043", List.of());
    byte[] bytes = pdf.render(new CertificateContent(c.labName(), c.labAddress(), c.certificateNumber(), c.productName(), c.productCode(),
        c.lotCode(), c.batchCode(), c.manufacturedOn(), c.expiresOn(), c.specificationReference(), rows, c.conclusion(),
        c.testCompletionDate(), c.signature(), List.of(), c.issuedAt(), c.zone()));

    // a word split inside its cell comes out as two pieces on different lines ("NO_GROW" ... "TH")
    assertThat(text(bytes)).contains("Conforms", "No growth", "Does not conform", "Out of specification", "cup-shaped", "50-150 nm");
  }

  @Test
  void drawsTheSizeDistributionChartOnTheSecondPage() throws IOException {
    byte[] bytes = pdf.render(certificate("CoA-2026-00042", lognormal()));

    assertThat(pageCount(bytes)).isEqualTo(2);
    assertThat(pageText(bytes, 2)).contains(CertificatePdf.CHART_TITLE, "Diameter (nm)", "Relative number per nm");
  }

  @Test
  void leavesOutTheChartWhenNoDistributionIsGiven() throws IOException {
    byte[] bytes = pdf.render(certificate("CoA-2026-00042", List.of()));

    assertThat(pageCount(bytes)).isEqualTo(1);
    assertThat(text(bytes)).doesNotContain(CertificatePdf.CHART_TITLE, "Diameter (nm)");
  }

  @Test
  void footsEveryPageWithCertificateNumberPageOfTotalAndRecordStatement() throws IOException {
    byte[] bytes = pdf.render(certificate("CoA-2026-00042", lognormal()));

    for (int page = 1; page <= 2; page++) {
      assertThat(pageText(bytes, page)).contains("Certificate CoA-2026-00042", "Page " + page + " of 2",
          CertificatePdf.RECORD_STATEMENT);
    }
  }

  @Test
  void refusesCertificateWithoutNumber() {
    assertThatThrownBy(() -> certificate(null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("certificateNumber is required on a certificate of analysis");
  }

  @Test
  void refusesBlankLotCode() {
    assertThatThrownBy(() -> new CertificateContent("Lab", "Street 1", "CoA-1", "Product", "P-1", " ", "B-1",
        LocalDate.EPOCH, LocalDate.EPOCH, "Spec 1", ROWS, CONCLUSION, LocalDate.EPOCH, signature(), List.of(),
        Instant.EPOCH, ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lotCode must not be blank on a certificate of analysis");
  }

  @Test
  void refusesSignatureWithoutMeaning() {
    assertThatThrownBy(() -> new Signature("Dr. Anna Berger", "aberger", Instant.EPOCH, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("signature meaning is required on a certificate of analysis");
  }

  @Test
  void refusesCertificateWithoutResults() {
    assertThatThrownBy(() -> new CertificateContent("Lab", "Street 1", "CoA-1", "Product", "P-1", "L-1", "B-1",
        LocalDate.EPOCH, LocalDate.EPOCH, "Spec 1", List.of(), CONCLUSION, LocalDate.EPOCH, signature(),
        List.of(), Instant.EPOCH, ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one test result");
  }

  static CertificateContent certificate(String number, List<SizePoint> distribution) {
    return new CertificateContent(
        "Exotrace Quality Control Laboratory", "Biopark 12\n93053 Regensburg, Germany", number,
        "Exosome serum", "HMSC-EXO-SERUM", "L-2026-117", "B-2026-0031",
        LocalDate.of(2026, 9, 14), LocalDate.of(2027, 9, 14),
        "HMSC-EXO-SERUM version 2 (effective 2026-10-01)", ROWS, CONCLUSION,
        LocalDate.of(2026, 10, 12), signature(), distribution,
        Instant.parse("2026-10-13T09:06:00Z"), ZoneId.of("Europe/Berlin"));
  }

  static List<SizePoint> lognormal() {
    double median = 115;
    double sigma = 0.35;
    List<SizePoint> points = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < 60; i++) {
      double d = 20 + i * 7.5;
      double z = Math.log(d / median) / sigma;
      double density = Math.exp(-z * z / 2) / d;
      points.add(new SizePoint(d, density));
      total += density;
    }
    double sum = total;
    return points.stream().map(p -> new SizePoint(p.diameterNm(), p.fraction() / sum)).toList();
  }

  private static Signature signature() {
    return new Signature("Dr. Anna Berger", "aberger", Instant.parse("2026-10-13T09:05:09Z"),
        "Release approved by Qualified Person");
  }

  private static int pageCount(byte[] bytes) throws IOException {
    PdfReader reader = new PdfReader(bytes);
    try {
      return reader.getNumberOfPages();
    } finally {
      reader.close();
    }
  }

  private static String pageText(byte[] bytes, int page) throws IOException {
    PdfReader reader = new PdfReader(bytes);
    try {
      return new PdfTextExtractor(reader).getTextFromPage(page).replaceAll("\\s+", " ");
    } finally {
      reader.close();
    }
  }

  private static String text(byte[] bytes) throws IOException {
    StringBuilder all = new StringBuilder();
    for (int page = 1; page <= pageCount(bytes); page++) {
      all.append(pageText(bytes, page)).append(' ');
    }
    return all.toString();
  }
}

package org.exotrace.stats.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code exotrace evidence} contract: options, JSON keys, aligned text, exit codes and one-line errors. */
class EvidenceCommandTest {

    record Run(int code, String out, String err) {}

    @TempDir
    Path dir;

    /** Student's sleep data as baseline (drug 2) and follow-up (drug 1): R gives -1.58, CI -2.4598858 .. -0.7001142, p 0.002833. */
    private static final String SLEEP = """
            patient,drug2,drug1
            1,1.9,0.7
            2,0.8,-1.6
            3,1.1,-0.2
            4,0.1,-1.2
            5,-0.1,-0.1
            6,4.4,3.4
            7,5.5,3.7
            8,1.6,0.8
            9,4.6,0.0
            10,3.4,2.0
            """;

    @Test
    void jsonHasExactlyTheContractedKeysAndRsNumbers() throws Exception {
        Path csv = write("sleep.csv", SLEEP);

        Run run = run("paired", "--csv", csv.toString(), "--baseline", "drug2", "--followup", "drug1", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).endsWith("}\n");
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        List<String> keys = new ArrayList<>(json.propertyNames());
        assertThat(keys).containsExactly("n", "meanChange", "meanChangeCi95", "tTestP", "wilcoxonP", "wilcoxonMethod",
                "responders", "responderRate", "responderRateCi95", "warnings");
        assertThat(json.get("n").asInt()).isEqualTo(10);
        assertThat(json.get("meanChange").asDouble()).isCloseTo(-1.58, within(1e-12));
        assertThat(json.get("meanChangeCi95").get(0).asDouble()).isCloseTo(-2.4598858, within(5e-8));
        assertThat(json.get("meanChangeCi95").get(1).asDouble()).isCloseTo(-0.7001142, within(5e-8));
        assertThat(json.get("tTestP").asDouble()).isCloseTo(0.002833, within(5e-7));
        assertThat(json.get("wilcoxonMethod").asString()).isEqualTo("NORMAL_APPROXIMATION");
        assertThat(json.get("responders").isNull()).isTrue();
        assertThat(json.get("responderRateCi95").isNull()).isTrue();
    }

    @Test
    void respondersAreCountedAgainstTheDropWithAWilsonInterval() throws Exception {
        Path csv = write("easi.csv", "id,easi0,easi12\nA,20,5\nB,20,5.1\nC,10,1\nD,8,8\nE,30,3\n");

        Run run = run("paired", "--csv", csv.toString(), "--baseline", "easi0", "--followup", "easi12", "--responder-drop", "75", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.get("responders").asInt()).isEqualTo(3);
        assertThat(json.get("responderRate").asDouble()).isEqualTo(0.6);
        // Wilson 3/5: 0.2307243 .. 0.8823792 (the score formula; scipy.stats.binomtest(3, 5).proportion_ci("wilson") agrees)
        assertThat(json.get("responderRateCi95").get(0).asDouble()).isCloseTo(0.2307243, within(5e-8));
        assertThat(json.get("responderRateCi95").get(1).asDouble()).isCloseTo(0.8823792, within(5e-8));
        assertThat(json.get("wilcoxonMethod").asString()).isEqualTo("NORMAL_APPROXIMATION");
        assertThat(json.get("warnings").toString()).contains("n = 5 is small");
    }

    @Test
    void plainTextIsAlignedAndSaysHowManyRowsWereSkipped() throws Exception {
        Path csv = write("gaps.csv", "id,base,week12\n1,20,10\n2,18,\n3,22,11\n4,16,4\n5,,3\n");

        Run run = run("paired", "--csv", csv.toString(), "--baseline", "base", "--followup", "week12", "--responder-drop", "50");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("n                  3\n", "skipped            2 (empty baseline or follow-up cell)\n",
                "responders         3 of 3 (follow-up <= 50 % of baseline)\n", "responderRateCi95  [", "] (Wilson)\n",
                "warning            2 rows skipped: empty base or week12 cell\n", "wilcoxonP          0.25 (exact)\n");
        for (String line : run.out().split("\n")) {
            assertThat(line.charAt(18)).as(line).isEqualTo(' ');
            assertThat(line.charAt(19)).as(line).isNotEqualTo(' ');
        }
    }

    @Test
    void aMissingColumnExitsTwoNamingTheColumnsPresent() throws Exception {
        Path csv = write("sleep.csv", SLEEP);

        Run run = run("paired", "--csv", csv.toString(), "--baseline", "drug3", "--followup", "drug1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("exotrace evidence: " + csv + ": no column 'drug3'; the columns are patient, drug2, drug1\n");
    }

    @Test
    void aNonNumericCellExitsTwoNamingTheCsvLineAndColumn() throws Exception {
        Path csv = write("bad.csv", "id,baseline,followup\n1,20,10\n2,18,9\n3,22,11\n4,16,8\n5,15,7\n6,abc,3\n");

        Run run = run("paired", "--csv", csv.toString(), "--baseline", "baseline", "--followup", "followup");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("exotrace evidence: row 7: baseline 'abc' is not a number\n");
    }

    @Test
    void textsThatJavaWouldParseButAreNotDecimalsAreRefused() throws Exception {
        Path csv = write("nan.csv", "b,f\n1,2\n3,NaN\n");

        Run run = run("paired", "--csv", csv.toString(), "--baseline", "b", "--followup", "f");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("exotrace evidence: row 3: f 'NaN' is not a number\n");
    }

    @Test
    void fewerThanTwoPairsExitsTwoAndCountsTheSkippedRows() throws Exception {
        Path csv = write("one.csv", "b,f\n1,2\n3,\n");

        Run run = run("paired", "--csv", csv.toString(), "--baseline", "b", "--followup", "f");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("exotrace evidence: " + csv + ": fewer than 2 complete pairs (1 found, 1 row skipped for an empty cell)\n");
    }

    @Test
    void aMissingFileOrAnEmptyFileExitsTwoWithOneLine() throws Exception {
        Run missing = run("paired", "--csv", dir.resolve("nope.csv").toString(), "--baseline", "b", "--followup", "f");
        Path empty = write("empty.csv", "");
        Run blank = run("paired", "--csv", empty.toString(), "--baseline", "b", "--followup", "f");

        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("exotrace evidence: no such file: " + dir.resolve("nope.csv") + "\n");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).isEqualTo("exotrace evidence: " + empty + ": no column 'b'; the columns are (none: the file is empty)\n");
    }

    @Test
    void aResponderDropOutsideZeroToHundredOrAMissingOptionExitsTwo() throws Exception {
        Path csv = write("sleep.csv", SLEEP);

        Run drop = run("paired", "--csv", csv.toString(), "--baseline", "drug2", "--followup", "drug1", "--responder-drop", "150");
        Run usage = run("paired", "--csv", csv.toString(), "--baseline", "drug2");

        assertThat(drop.code()).isEqualTo(2);
        assertThat(drop.err()).isEqualTo("exotrace evidence: responder drop 150.0 % must be above 0 and at most 100\n");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).startsWith("exotrace evidence: Missing required option: '--followup=COL'").endsWith("--help')\n");
        assertThat(usage.err().lines()).hasSize(1);
    }

    @Test
    void helpListsThePairedCommand() {
        Run run = run("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("paired");
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EvidenceCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}

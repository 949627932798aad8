package org.exotrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ./exotrace demo --scale N}: a bad N is refused with one line and exit status 2, before any database starts. */
class ScaleCommandTests {

    @Test
    void refusesAScaleThatIsNotAPositiveWholeNumberWithOneLineAndStatusTwo() {
        for (String[] args : new String[][] {{"demo", "--scale", "0"}, {"demo", "--scale", "-5"}, {"demo", "--scale", "1e6"},
                {"demo", "--scale", "ten"}, {"demo", "--scale"}, {"demo"}, {"demo", "--scale", "20000000"}, {"demo", "--scale", "5", "--seed", "x"}}) {
            PrintStream err = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = ExotraceApplication.run(args);
            } finally {
                System.setErr(err);
            }
            String printed = captured.toString(StandardCharsets.UTF_8);
            assertThat(code).as(String.join(" ", args)).isEqualTo(2);
            assertThat(printed.lines()).as(printed).hasSize(1).allMatch(line -> line.startsWith("exotrace: "));
        }
    }

    @Test
    void helpListsTheDemoCommand() {
        assertThat(ExotraceApplication.HELP).contains("demo --scale N [--seed S] [--force]");
    }
}

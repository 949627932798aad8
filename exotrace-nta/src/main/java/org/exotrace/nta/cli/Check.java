package org.exotrace.nta.cli;

/** Option checks that answer a person with one line naming the option. */
final class Check {

    private Check() {}

    static void positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new NtaCommand.BadInput(option + " must be a positive number, not " + value);
    }

    static void temperature(double celsius) {
        if (!(celsius > 0 && celsius < 100)) {
            throw new NtaCommand.BadInput("--temperature-c must be above freezing and below boiling (0-100 °C), not " + celsius);
        }
    }

    static double number(String option, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new NtaCommand.BadInput(option + " '" + text + "' is not a number");
        }
    }
}

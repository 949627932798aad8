package org.exotrace.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts what a person does with the pointer on the way through a task, by doing it: a test that
 * measures a path drives the page only through these helpers.
 *
 * <p>What counts as one: a click on a link or a button (a download link too), ticking or clearing a
 * checkbox or choosing a radio button that was not already in that state, and choosing an option
 * in a select (opening the list and picking is one choice). What does not count: typing into a
 * field (including the fields of the sign-in form), pre-filled values left as they are, and
 * Playwright's waiting. Navigating by typing an address does not happen in a measured path.
 */
final class Clicks {

    private final List<String> steps = new ArrayList<>();

    /** Clicks the link or button: one. */
    void click(Locator target, String what) {
        target.click();
        steps.add("click " + what);
    }

    /** Ticks the checkbox or radio button: one, unless it was already ticked (then nothing is done). */
    void check(Locator target, String what) {
        if (target.isChecked()) return;
        target.check();
        steps.add("tick " + what);
    }

    /** Chooses the option with this value in the select: one. */
    void select(Locator select, String value, String what) {
        select.selectOption(value);
        steps.add("choose " + what);
    }

    /** Chooses the option with this visible label in the select: one. */
    void selectLabel(Locator select, String label, String what) {
        select.selectOption(new SelectOption().setLabel(label));
        steps.add("choose " + what);
    }

    /** Types into the field: not counted. */
    void type(Locator field, String text) {
        field.fill(text);
    }

    /** Clicks a download link and waits for the file: one. */
    Download download(Page page, Locator link, String what) {
        Download d = page.waitForDownload(link::click);
        steps.add("click " + what);
        return d;
    }

    /** Signs in through the form: typing the name and password is free, the button is one click. */
    void signIn(Page page, String username, String password) {
        page.navigate("/login");
        type(page.getByLabel("User name"), username);
        type(page.getByLabel("Password"), password);
        click(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")), "Sign in");
    }

    int count() {
        return steps.size();
    }

    /** Every counted step, numbered, one per line: what the benchmark prints. */
    String log() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) sb.append(String.format("%2d. %s%n", i + 1, steps.get(i)));
        return sb.toString();
    }
}

package org.exotrace.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a chosen password must be, after NIST SP 800-63B (section 5.1.1.2, memorized secrets):
 * {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters, any characters (no composition rules),
 * not on the list of common passwords shipped with Exotrace ({@code account/common-passwords.txt},
 * compared without regard to case), not containing the user name (for names of 3 characters or
 * more) and not one character repeated. Applied wherever a password is set: the first
 * administrator, an administrator creating an account, the holder changing their own.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final String COMMON_PASSWORDS = "account/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Why this password is refused for this user name, in words for the field; empty when it is acceptable. */
    public Optional<String> problem(String password, String username) {
        if (password == null || password.isEmpty()) return Optional.of("choose a password of at least " + MIN_LENGTH + " characters");
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) return Optional.of("use at least " + MIN_LENGTH + " characters (this one has " + length + ")");
        if (length > MAX_LENGTH) return Optional.of("use at most " + MAX_LENGTH + " characters");
        if (password.codePoints().distinct().count() == 1) return Optional.of("a single character repeated is too easy to guess");
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) return Optional.of("this is one of the most common passwords; choose one nobody would guess");
        if (username != null && username.strip().length() >= 3 && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("a password must not contain the user name");
        }
        return Optional.empty();
    }

    /** How many common passwords the shipped list holds. */
    int commonPasswords() { return common.size(); }

    private static Set<String> load() {
        Set<String> set = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) throw new IllegalStateException("The list of common passwords " + COMMON_PASSWORDS + " is missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) set.add(line.strip().toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}

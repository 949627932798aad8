package org.exotrace.account;

import java.security.SecureRandom;
import java.util.Set;
import org.exotrace.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start without demo data, when no account exists, creates {@code admin} with a
 * random password and prints it once: it is stored only as a hash and cannot be shown again.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Accounts accounts;
    private final boolean demo;
    private final boolean enabled;

    private final PasswordPolicy policy;

    FirstAdministrator(Accounts accounts, PasswordPolicy policy, @Value("${exotrace.demo.enabled:false}") boolean demo,
                       @Value("${exotrace.first-admin.enabled:true}") boolean enabled) {
        this.accounts = accounts;
        this.policy = policy;
        this.demo = demo;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo || !enabled || !accounts.isEmpty()) return;
        String password = randomPassword(20, "admin", policy);
        accounts.create("admin", "Administrator", password, Set.of(Role.ADMIN));
        System.out.println("""

                ================================================================
                 Exotrace created the first administrator account.
                   user name: admin
                   password:  %s
                 This password is shown only this once. Sign in and create
                 the accounts of your lab; keep this one for administration.
                ================================================================
                """.formatted(password));
    }

    /** A random password of this length that meets the policy for this user name (drawn again in the rare case it does not). */
    static String randomPassword(int length, String username, PasswordPolicy policy) {
        SecureRandom random = new SecureRandom();
        while (true) {
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            if (policy.problem(sb.toString(), username).isEmpty()) return sb.toString();
        }
    }
}

package org.exotrace.audit;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** For tests outside this package that tamper as the superuser: the verification the application would report on their snapshot. */
public final class AttackerView {

    private AttackerView() {
    }

    public static AuditTrail.Verification verification(JdbcClient attackersConnection, ApplicationContext application) {
        return new ChainVerifier(attackersConnection, application.getBean(AuditAnchor.class)).verify(false).verification();
    }
}

package org.exotrace.recall;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.exotrace.clinic.Clinics;
import org.exotrace.shared.RecordChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * E-mails each clinic's recall notice after the recall committed, where {@code spring.mail.host} is
 * configured (otherwise there is no mail sender and nothing is sent: the inbox is the notice of
 * record). Exotrace keeps no e-mail address for clinics or staff, so the addresses are
 * configuration, by clinic code: {@code exotrace.recall.mail.clinics.KR-SEOUL-01=a@clinic.example, b@clinic.example};
 * a clinic without one is logged and skipped. Each e-mail sent is recorded on its notice and
 * audited in a transaction of its own. A failure to send is logged and leaves the notice
 * un-e-mailed; it never undoes the recall.
 */
@Component
class RecallMail {

    private static final Logger LOG = LoggerFactory.getLogger(RecallMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final Environment environment;
    private final Clinics clinics;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RecallMail(ObjectProvider<JavaMailSender> sender, Environment environment, Clinics clinics, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.sender = sender;
        this.environment = environment;
        this.clinics = clinics;
        this.jdbc = jdbc;
        this.events = events;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecallOpened opened) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) return;
        String from = environment.getProperty("exotrace.recall.mail.from", "recalls@exotrace.invalid");
        for (RecallOpened.Notice n : opened.notices()) {
            String code = clinics.get(n.clinicId()).code();
            List<String> to = Arrays.stream(environment.getProperty("exotrace.recall.mail.clinics." + code, "").split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (to.isEmpty()) {
                LOG.warn("Recall {}: no e-mail address configured for clinic {} (exotrace.recall.mail.clinics.{}); the notice is in its inbox only",
                        opened.code(), code, code);
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to.toArray(String[]::new));
            message.setSubject("Recall " + opened.code() + " (" + opened.recallClass().label() + ") of lot " + opened.lotCode() + ": "
                    + n.units() + (n.units() == 1 ? " unit" : " units") + " at " + n.clinicName());
            message.setText("Recall " + opened.code() + ", " + opened.recallClass().label() + ": " + opened.recallClass().meaning() + ".\n\n"
                    + "Reason: " + opened.reason() + "\n\n"
                    + n.units() + (n.units() == 1 ? " unit" : " units") + " of lot " + opened.lotCode()
                    + " or of lots made from it went to " + n.clinicName() + ". They are refused at every scan from now on.\n"
                    + "Sign in to Exotrace, open Recall notices, acknowledge the notice and report each unit as returned, destroyed or used;"
                    + " the look-back list there names the patients treated.\n");
            try {
                mail.send(message);
            } catch (RuntimeException e) {
                LOG.error("Recall {}: the notice to {} could not be e-mailed: {}", opened.code(), n.clinicName(), e.getMessage());
                continue;
            }
            String addresses = String.join(", ", to);
            jdbc.sql("update recall_notice set emailed_to = ?, emailed_at = ? where id = ?")
                    .params(addresses, Timestamp.from(Instant.now()), n.noticeId()).update();
            events.publishEvent(RecordChanged.changed("recall_notice", n.noticeId(), "EMAIL", Map.of("emailed", false),
                    Map.of("emailed", true, "to", addresses), "recall notice e-mailed after the recall was opened"));
        }
    }
}

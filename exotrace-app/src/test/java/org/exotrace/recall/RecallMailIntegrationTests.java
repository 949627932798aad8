package org.exotrace.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.clinic.Clinics;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Recall notices by e-mail, against an SMTP server in the test JVM (GreenMail). The application's
 * own context has no {@code spring.mail.host}, so its {@link RecallMail} sends nothing; this test
 * proves that the event reaches a listener after the commit (Spring Modulith's publication
 * registry records it) and drives a {@link RecallMail} wired to GreenMail with one clinic's
 * address configured and the other's missing.
 */
class RecallMailIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired private Clinics clinics;
    @Autowired private ApplicationEventPublisher events;
    @Autowired private Recalls recalls;

    @Test
    void eachConfiguredClinicGetsItsNoticeByEmailAfterTheCommitAndTheSendingIsRecordedAndAudited() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctorA = user(Role.CLINICIAN);
        TestUser doctorB = user(Role.CLINICIAN);
        ClinicScenarios scenarios = new ClinicScenarios(mvc, user(Role.ADMIN));
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinicA = scenarios.clinic("KR", doctorA);
        String clinicB = scenarios.clinic("KR", doctorB);
        String lot = lots.released(qa);
        List<String> units = scenarios.split(lot, analyst, 3);
        scenarios.shipAndReceive(clinicA, analyst, doctorA, List.of(units.get(0), units.get(1)));
        scenarios.shipAndReceive(clinicB, analyst, doctorB, List.of(units.get(2)));
        String lotCode = read(lots.lot(lot, analyst), "$.code");
        long published = jdbc.sql("select count(*) from event_publication where event_type like '%RecallOpened'").query(Long.class).single();

        MvcResult opened = postJson("/api/recalls", qa, """
                {"lotCode": "%s", "recallClass": "II", "reason": "Wrong fill volume"}""".formatted(lotCode)).andExpect(status().isCreated()).andReturn();
        String recallId = read(opened, "$.recall.id");
        String code = read(opened, "$.recall.code");
        assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%RecallOpened' and completion_date is not null")
                .query(Long.class).single()).as("heard by the after-commit listener").isGreaterThan(published);
        assertThat(SMTP.getReceivedMessages()).as("the application has no SMTP server configured").isEmpty();

        List<RecallNotice> notices = recalls.notices(UUID.fromString(recallId));
        String codeA = clinics.get(UUID.fromString(clinicA)).code();
        MockEnvironment environment = new MockEnvironment().withProperty("exotrace.recall.mail.from", "qa@lab.example")
                .withProperty("exotrace.recall.mail.clinics." + codeA, "nurse@a.example, doctor@a.example");
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(ServerSetupTest.SMTP.getPort());
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", smtp);
        RecallMail mail = new RecallMail(beans.getBeanProvider(JavaMailSender.class), environment, clinics, jdbc, events);
        RecallOpened event = new RecallOpened(UUID.fromString(recallId), code, lotCode, RecallClass.II, "Wrong fill volume",
                notices.stream().map(n -> new RecallOpened.Notice(n.id(), n.clinicId(), n.clinicName(), n.clinicId().toString().equals(clinicA) ? 2 : 1))
                        .toList());
        long audit = count("audit_entry");
        transaction().executeWithoutResult(tx -> mail.on(event));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one message, two recipients
        assertThat(received[0].getSubject()).contains("Recall " + code).contains("Class II").contains("2 units");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Wrong fill volume").contains("Recall notices");
        assertThat(List.of(received[0].getRecipients(Message.RecipientType.TO)).stream().map(Object::toString).toList())
                .containsExactlyInAnyOrder("nurse@a.example", "doctor@a.example");
        RecallNotice a = recalls.notices(UUID.fromString(recallId)).stream().filter(n -> n.clinicId().toString().equals(clinicA)).findFirst().orElseThrow();
        RecallNotice b = recalls.notices(UUID.fromString(recallId)).stream().filter(n -> n.clinicId().toString().equals(clinicB)).findFirst().orElseThrow();
        assertThat(a.emailedTo()).isEqualTo("nurse@a.example, doctor@a.example");
        assertThat(b.emailedTo()).as("no address configured for clinic B: inbox only").isNull();
        assertThat(count("audit_entry") - audit).isEqualTo(1);
    }
}

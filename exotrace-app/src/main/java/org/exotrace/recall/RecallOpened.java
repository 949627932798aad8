package org.exotrace.recall;

import java.util.List;
import java.util.UUID;

/**
 * A recall was opened and its notices created. Heard after the commit by {@link RecallMail}, which
 * e-mails each notice where SMTP and the clinic's addresses are configured.
 */
public record RecallOpened(UUID recallId, String code, String lotCode, RecallClass recallClass, String reason, List<Notice> notices) {

    public RecallOpened {
        notices = List.copyOf(notices);
    }

    /** One clinic's notice and how many of its units the recall holds. */
    public record Notice(UUID noticeId, UUID clinicId, String clinicName, long units) {}
}

package org.exotrace.platform;

import java.sql.SQLException;
import org.springframework.dao.DataIntegrityViolationException;

/** Reads what PostgreSQL said behind a refused write. */
final class DatabaseErrors {

    /** SQLSTATE 22021 character_not_in_repertoire and 22P05 untranslatable_character: a NUL or an invalid byte sequence. */
    static boolean unstorableCharacter(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) return true;
        }
        return false;
    }

    private DatabaseErrors() {
    }
}

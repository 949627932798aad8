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

    /**
     * Whether the database could not be reached, rather than refusing what was asked: no connection
     * within the pool's wait (Hikari's timeout, a transaction that could not begin), SQLSTATE class 08
     * (connection exception) or 57P01-57P03 (the server shutting down, crashed or starting up).
     */
    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    private DatabaseErrors() {
    }
}

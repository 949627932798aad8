package org.exotrace.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * How to connect as the role that owns the schema (the embedded server's superuser, or
 * {@code EXOTRACE_DB_USER} of an external server): what migrations, backup and restore use. The
 * application's own pool never does.
 */
public record DatabaseOwner(String url, String user, String password) {

    /** A new connection, outside any pool; the caller closes it. */
    public Connection connect() throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        if (user != null && !user.isEmpty()) properties.setProperty("user", user);
        if (password != null && !password.isEmpty()) properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public String toString() {
        return "DatabaseOwner[" + user + " at " + url.replaceAll("password=[^&]*", "password=***") + "]";
    }
}

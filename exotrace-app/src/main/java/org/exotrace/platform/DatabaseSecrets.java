package org.exotrace.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The embedded server's passwords, one file per role in {@code <data-dir>/secrets/} (directory
 * {@code 0700}, files {@code 0600}): {@code postgres.password} for the superuser that owns the schema
 * and runs the migrations, {@code exotrace_app.password} for the application's own limited role.
 * A missing file is created with a new random password (32 letters and digits, about 190 bits).
 */
final class DatabaseSecrets {

    static final String SUPERUSER = "postgres";
    static final String APPLICATION = "exotrace_app";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private DatabaseSecrets(Path directory) {
        this.directory = directory;
    }

    /** The secrets of the data directory that holds {@code postgres/} (the server's directory is {@code serverDirectory}). */
    static DatabaseSecrets besides(Path serverDirectory) {
        return new DatabaseSecrets(serverDirectory.toAbsolutePath().normalize().getParent().resolve("secrets"));
    }

    Path directory() {
        return directory;
    }

    Path file(String role) {
        return directory.resolve(role + ".password");
    }

    /** The role's password, created (and the directory with it) when there is none yet. */
    synchronized String password(String role) {
        Path file = file(role);
        try {
            ensureDirectory();
            if (!Files.exists(file)) {
                String generated = generate();
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, generated + "\n", StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException raced) {
                    // another process wrote it first: use theirs
                }
            }
            restrict(file, PosixFilePermissions.fromString("rw-------"));
            String password = Files.readString(file).strip();
            if (!password.matches("[A-Za-z0-9]{16,200}")) {
                throw new IllegalStateException(file + " does not hold a password of 16 or more letters and digits;"
                        + " restore it from a backup of the data directory");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        }
    }

    /** Whether the role's password file exists (an embedded data directory from before passwords has none). */
    boolean has(String role) {
        return Files.isRegularFile(file(role));
    }

    private void ensureDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // created meanwhile
            }
        }
        restrict(directory, PosixFilePermissions.fromString("rwx------"));
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the folder's access list
        }
    }

    static String generate() {
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return password.toString();
    }
}

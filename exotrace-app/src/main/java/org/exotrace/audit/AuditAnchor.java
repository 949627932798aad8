package org.exotrace.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The part of the audit trail kept outside the database, in the anchor directory: the HMAC-SHA256
 * key ({@value #KEY_FILE}, 32 random bytes, owner-only) that signs every entry's hash, and the
 * append-only {@value #CHECKPOINTS_FILE}, one signed line per checkpoint of the chain:
 *
 * <pre>interval seq=1440 hash=&lt;64 hex&gt; at=2026-12-07T01:30:00.125Z mac=&lt;64 hex&gt;</pre>
 *
 * <p>The first word says why the line was written ({@link Checkpoint.Source}); {@code mac} is the
 * HMAC-SHA256 of everything before {@code " mac="}, so a line written or edited without the key is
 * recognised as forged. The key never enters the database; whoever can rewrite the database but
 * not read this directory cannot re-sign a rewritten chain.
 */
final class AuditAnchor {

    static final String KEY_FILE = "audit.key";
    static final String CHECKPOINTS_FILE = "checkpoints.log";
    private static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern LINE = Pattern.compile(
            "^(?<source>[a-z]+) seq=(?<seq>\\d{1,18}) hash=(?<hash>[0-9a-f]{64}) at=(?<at>\\S+) mac=(?<mac>[0-9a-f]{64})$");
    /** Two anchors of one JVM (the application and the command line in tests) append to one file in turn. */
    private static final Object APPEND_LOCK = new Object();

    private final Path directory;
    private final SecretKeySpec key;

    private AuditAnchor(Path directory, byte[] key) {
        this.directory = directory;
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The anchor in this directory, creating the directory (0700) and a new key (0600) when there is none. */
    static AuditAnchor open(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(dir)) Files.createDirectories(dir, permissions("rwx------"));
            Path keyFile = dir.resolve(KEY_FILE);
            if (!Files.exists(keyFile)) createKey(keyFile);
            byte[] key = Files.readAllBytes(keyFile);
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException(keyFile + " is not an Exotrace audit key (" + KEY_BYTES + " bytes, found "
                        + key.length + "); restore it from its backup");
            }
            return new AuditAnchor(dir, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit anchor directory " + dir, e);
        }
    }

    static boolean hasKey(Path directory) {
        return Files.exists(directory.toAbsolutePath().normalize().resolve(KEY_FILE));
    }

    private static void createKey(Path keyFile) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(keyFile, permissions("rw-------"));
        } catch (FileAlreadyExistsException e) {
            return; // another process created it first
        }
        Files.write(keyFile, key, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }

    private static FileAttribute<?>[] permissions(String mode) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
    }

    Path directory() {
        return directory;
    }

    Path checkpointsFile() {
        return directory.resolve(CHECKPOINTS_FILE);
    }

    /** HMAC-SHA256 of the text under the key, as 64 lower-case hex digits. */
    String mac(String text) {
        return macs().apply(text);
    }

    /** A MAC function for one thread, to sign many texts without setting up the MAC each time. */
    UnaryOperator<String> macs() {
        Mac mac;
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
        return text -> HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.strip().getBytes(StandardCharsets.US_ASCII), b.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** Appends one signed line and forces it to disk; concurrent writers (other processes too) take turns. */
    void append(Checkpoint checkpoint) {
        String body = checkpoint.body();
        byte[] line = (body + " mac=" + mac(body) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = checkpointsFile();
        synchronized (APPEND_LOCK) {
            try {
                if (!Files.exists(file)) {
                    try {
                        Files.createFile(file, permissions("rw-------"));
                    } catch (FileAlreadyExistsException e) {
                        // created meanwhile by another process
                    }
                }
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                     FileLock lock = channel.lock()) {
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) channel.write(buffer);
                    channel.force(false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
        }
    }

    /** Every line of the checkpoints file, in order; empty when there is no file yet. */
    List<Line> lines() {
        Path file = checkpointsFile();
        if (!Files.exists(file)) return List.of();
        List<String> texts;
        try {
            texts = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        UnaryOperator<String> macs = macs();
        List<Line> lines = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.isBlank()) continue;
            lines.add(parse(i + 1, text, macs));
        }
        return lines;
    }

    private static Line parse(int number, String text, UnaryOperator<String> macs) {
        Matcher m = LINE.matcher(text.strip());
        if (!m.matches()) return new Line(number, null, false);
        Checkpoint.Source source = Checkpoint.Source.of(m.group("source"));
        Instant at;
        try {
            at = Instant.parse(m.group("at"));
        } catch (DateTimeParseException e) {
            return new Line(number, null, false);
        }
        if (source == null) return new Line(number, null, false);
        Checkpoint checkpoint = new Checkpoint(source, Long.parseLong(m.group("seq")), m.group("hash"), at);
        String signedPart = m.group().substring(0, m.start("mac") - " mac=".length());
        return new Line(number, checkpoint, same(macs.apply(signedPart), m.group("mac")));
    }

    /** One line of the checkpoints file: {@code checkpoint} is null when the line cannot be read at all. */
    record Line(int number, Checkpoint checkpoint, boolean signed) {
        boolean valid() {
            return checkpoint != null && signed;
        }
    }

    /** The chain's last entry as it was at {@code at}. */
    record Checkpoint(Source source, long seq, String hash, Instant at) {

        /** Why a checkpoint was written. */
        enum Source {
            /** At first start on a chain written before anchoring: binds the entries that carry no MAC. */
            ADOPTION,
            /** By the periodic task, after the head moved. */
            INTERVAL,
            /** At a clean shutdown. */
            SHUTDOWN,
            /** After a verification found the chain intact. */
            VERIFIED;

            String word() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }

            static Source of(String word) {
                for (Source s : values()) if (s.word().equals(word)) return s;
                return null;
            }
        }

        String body() {
            return source.word() + " seq=" + seq + " hash=" + hash + " at=" + at;
        }
    }
}

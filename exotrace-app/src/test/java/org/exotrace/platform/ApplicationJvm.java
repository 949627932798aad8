package org.exotrace.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the application as in production, in its own JVM: this JVM's {@code java} on the test
 * class path, {@code ExotraceApplication} with the given arguments, the serial collector and 512 MB
 * to spare the CPU and memory the build shares, output appended to a log file. Used by the tests
 * that kill the application ({@code CrashRecoveryIntegrationTests}) or run several of it on one
 * database ({@code TwoNodesIntegrationTests}).
 */
final class ApplicationJvm {

    private static final List<String> OUR_ENVIRONMENT = List.of("EXOTRACE_DB_URL", "EXOTRACE_DB_USER", "EXOTRACE_DB_PASSWORD",
            "EXOTRACE_DB_APP_USER", "EXOTRACE_DB_APP_PASSWORD", "EXOTRACE_DATA_DIR", "EXOTRACE_ANCHOR_DIR", "EXOTRACE_JAVA_OPTS");

    private ApplicationJvm() {
    }

    /** The command, without the environment that would point the application elsewhere than its arguments say. */
    static ProcessBuilder command(List<String> arguments, Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "org.exotrace.ExotraceApplication"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        OUR_ENVIRONMENT.forEach(env::remove);
        return builder;
    }

    /** A TCP port nobody listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

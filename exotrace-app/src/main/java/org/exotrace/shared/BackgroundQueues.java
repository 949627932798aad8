package org.exotrace.shared;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Makes the {@link BackgroundQueue}s of the modules that analyse uploads in the background, with
 * this node's name and the lease settings: {@code exotrace.jobs.lease} (default 60 s: how long a job
 * claimed by a node that stopped answering waits before another node takes it; renewed every third
 * of it), {@code exotrace.jobs.poll-interval} (default 5 s: how often an idle node looks for work
 * submitted elsewhere) and {@code exotrace.node.name} (default host name and process id, shown in
 * the claims and the log).
 */
@Component
public class BackgroundQueues {

    record Settings(String node, Duration lease, Duration poll) {}

    private final JdbcClient jdbc;
    private final Settings settings;

    BackgroundQueues(JdbcClient jdbc, @Value("${exotrace.jobs.lease:60s}") Duration lease,
                     @Value("${exotrace.jobs.poll-interval:5s}") Duration poll, @Value("${exotrace.node.name:}") String node) {
        if (lease.toMillis() < 300) throw new IllegalArgumentException("exotrace.jobs.lease must be at least 300 ms, not " + lease);
        if (poll.toMillis() < 10) throw new IllegalArgumentException("exotrace.jobs.poll-interval must be at least 10 ms, not " + poll);
        this.jdbc = jdbc;
        this.settings = new Settings(StringUtils.hasText(node) ? node.strip() : defaultNode(), lease, poll);
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** This node's name, as it appears in the claims. */
    public String node() {
        return settings.node();
    }

    /**
     * A queue over the jobs of {@code table} (a module's own table with {@code id}, {@code status},
     * {@code claimed_by} and {@code lease_until}), oldest first by {@code orderColumn}; {@code job}
     * runs each claimed job on a thread named {@code threadName}.
     */
    public BackgroundQueue create(String threadName, String table, String orderColumn, Consumer<BackgroundQueue.Claim> job) {
        if (!table.matches("[a-z_]+") || !orderColumn.matches("[a-z_]+")) throw new IllegalArgumentException("not a table or column name");
        return new BackgroundQueue(threadName, table, orderColumn, jdbc, settings, job);
    }
}

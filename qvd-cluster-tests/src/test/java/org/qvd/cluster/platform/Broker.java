package org.qvd.cluster.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qvd.launcher.QvdCluster;

/**
 * What a node's embedded broker holds, as an operator reads it: WildFly's management CLI on the node's management port
 * (local authentication, same machine), the message count of every runtime queue of the broker {@code default}.
 */
public final class Broker {
    /** Artemis' store-and-forward queues: messages on their way over a cluster bridge to another node. */
    public static final String STORE_AND_FORWARD_PREFIX = "$.artemis.internal.sf.";

    private static final Pattern ENTRY = Pattern.compile(
            "\\(\"runtime-queue\" => \"([^\"]+)\"\\)\\s*\\],\\s*\"outcome\" => \"success\",\\s*\"result\" => (\\d+)L?");

    private Broker() {}

    /** Queue name → messages in it, on {@code node}'s live broker. */
    public static Map<String, Long> messageCounts(QvdCluster cluster, QvdCluster.Node node) {
        List<String> command = List.of(
                cluster.config().wildflyHome().resolve("bin/jboss-cli.sh").toString(),
                "--connect",
                "--controller=remote+http://127.0.0.1:" + node.managementPort(),
                "--command=/subsystem=messaging-activemq/server=default/runtime-queue=*"
                        + ":read-attribute(name=message-count)");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jboss-cli on " + node + " failed: " + out.strip());
            }
            Map<String, Long> counts = new TreeMap<>();
            Matcher m = ENTRY.matcher(out);
            while (m.find()) {
                counts.put(m.group(1), Long.parseLong(m.group(2)));
            }
            if (counts.isEmpty()) {
                throw new IllegalStateException("no queues read from " + node + ": " + out.strip());
            }
            return counts;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jboss-cli: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Messages waiting on {@code node} to be forwarded to other nodes over the cluster bridges. */
    public static long storeAndForward(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(STORE_AND_FORWARD_PREFIX))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}

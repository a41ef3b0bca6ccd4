package org.qvd.vmas.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The cluster's current members as WildFly's clustering layer sees them (the JGroups view of channel {@code ee}, names
 * = {@code jboss.node.name} = {@code QVD_NODE_ID}, docs/cluster.md). On a single node ({@code standalone-full.xml})
 * there is no such group and nothing is known: callers then keep their timeouts.
 * <p>
 * Read by reflection through the group's own class loader: WildFly binds it in JNDI, and its API module is not a
 * dependency of the deployment (one fewer artifact to pin; the three methods used are WildFly's public API).
 */
@ApplicationScoped
public class ClusterMembership {

    private static final Logger LOG = Logger.getLogger(ClusterMembership.class.getName());
    /** The group of the default JGroups channel (WildFly 39: the clustering "server" subsystem). */
    static final String GROUP = "java:jboss/clustering/server/group/default";

    private volatile boolean warned;

    /** The names of the current members; empty when this node runs alone (no cluster group bound). */
    @SuppressWarnings("BanJNDI") // a fixed name of the server's own, never user input
    public Optional<Set<String>> members() {
        Object group;
        try {
            group = new InitialContext().lookup(GROUP);
        } catch (NamingException e) {
            return Optional.empty();
        }
        try {
            ClassLoader loader = group.getClass().getClassLoader();
            Method membership = Class.forName("org.wildfly.clustering.server.Group", false, loader)
                    .getMethod("getMembership");
            Method members = Class.forName("org.wildfly.clustering.server.GroupMembership", false, loader)
                    .getMethod("getMembers");
            Method name = Class.forName("org.wildfly.clustering.server.GroupMember", false, loader)
                    .getMethod("getName");
            List<?> list = (List<?>) members.invoke(membership.invoke(group));
            Set<String> names = new java.util.HashSet<>();
            for (Object member : list) {
                names.add((String) name.invoke(member));
            }
            return Optional.of(names);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warning(() -> "cannot read the cluster's members from " + GROUP + ": " + e);
            }
            return Optional.empty();
        }
    }

    /** Whether {@code node} is known to be out of the cluster (false when nothing is known). */
    public boolean isGone(String node) {
        return node != null && members().map(m -> !m.contains(node)).orElse(false);
    }

    /** For logs: the members, or "unknown". */
    public String describe() {
        return members()
                .map(m -> m.stream().sorted().collect(Collectors.joining(", ")))
                .orElse("unknown (one node)");
    }
}

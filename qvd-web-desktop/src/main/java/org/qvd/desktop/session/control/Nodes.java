package org.qvd.desktop.session.control;

/** This server node's name, as connection ids carry it (the L7R's connections use the same). */
final class Nodes {
    private Nodes() {}

    static String name() {
        String name = System.getProperty("jboss.node.name");
        if (name != null) {
            return name;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }
}

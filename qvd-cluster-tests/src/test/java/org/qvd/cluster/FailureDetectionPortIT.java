package org.qvd.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.cluster.platform.RunningCluster;
import org.qvd.launcher.QvdCluster;

/**
 * JGroups' failure-detection port ({@code FD_SOCK2}, {@code QVD_CLUSTER_JGROUPS_FD_PORT}) is the one cluster port
 * without TLS (JGroups' NioServer has none): what a stranger who reaches it can and cannot do (docs/cluster.md, "Who
 * may join"). A stranger that does not speak JGroups is hung up on; one that does (the real JGroups classes of the
 * provisioned server, loaded here as a stranger's program would) learns the cluster's name and the member's JGroups
 * name, and nothing it sends there makes a member leave the view: a forged suspicion of the other member changes no
 * view. The cluster is left as it was.
 */
@ExtendWith(RunningCluster.class)
class FailureDetectionPortIT {
    /** FD_SOCK2's port before the node's port offset (QVD_CLUSTER_JGROUPS_FD_PORT, docs/cluster.md). */
    private static final int FD_PORT = 57600;

    private static final byte SUSPECT = 1;
    private static final byte CONNECT = 3;

    @Test
    void aStrangerOnTheFailureDetectionPortLearnsTheMemberNameAndRemovesNoMember(QvdCluster cluster) throws Exception {
        List<QvdCluster.Node> nodes = cluster.nodes();
        assertThat(nodes.stream().filter(QvdCluster.Node::alive).count()).isEqualTo(2);
        QvdCluster.Node a = nodes.get(0);
        QvdCluster.Node b = nodes.get(1);
        long viewsBefore = views(cluster);

        // bytes that are not JGroups' handshake: the node hangs up
        try (Socket socket = new Socket("127.0.0.1", FD_PORT + a.portOffset())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read(new byte[256]);
            } catch (java.net.SocketException reset) {
                read = -1; // reset: hung up as well
            } catch (SocketTimeoutException silent) {
                throw new AssertionError("the node kept a stranger's non-JGroups connection open for 30 s");
            }
            assertThat(read).as("the node hung up on a non-JGroups stranger").isEqualTo(-1);
        }

        // a stranger speaking JGroups: CONNECT answers with the member's address (and the cluster's name) ...
        try (Stranger stranger = new Stranger(cluster)) {
            Object bAddress = stranger.connect(b);
            Object aAddress = stranger.connect(a);
            System.out.println("FD_SOCK2 told a stranger: cluster " + stranger.clusterName + ", members " + aAddress
                    + " and " + bAddress);
            assertThat(stranger.clusterName).as("the cluster's name, disclosed").isNotBlank();
            assertThat(aAddress).isNotNull().isNotEqualTo(bAddress);
            // ... and a forged suspicion of node b, sent to node a's failure-detection socket, removes nobody
            stranger.suspect(a, bAddress);
            stranger.suspect(b, aAddress);
        }
        Thread.sleep(10_000); // a suspicion is verified (VERIFY_SUSPECT2) and a view installed within seconds
        assertThat(views(cluster))
                .as("new JGroups views after the stranger's suspicions")
                .isEqualTo(viewsBefore);
        assertThat(nodes).allMatch(QvdCluster.Node::alive);
    }

    /** Views installed so far, in both nodes' logs (Infinispan's ISPN000094 line per view). */
    private static long views(QvdCluster cluster) {
        return cluster.nodes().stream()
                .mapToLong(n -> ClusterFailoverIT.count(n.consoleLog(), "ISPN000094"))
                .sum();
    }

    /** A program of a stranger's: JGroups' own TCP client and FD_SOCK2's message format, from the provisioned jar. */
    private static final class Stranger implements AutoCloseable {
        private final URLClassLoader jgroups;
        private final Class<?> ipAddress;
        private final Class<?> address;
        private final Class<?> message;
        private final Class<?> header;
        private final Class<?> fdSock;
        private final short id;
        private final Object me;
        private final List<AutoCloseable> clients = new java.util.ArrayList<>();
        /** The cluster name a node's CONNECT_RSP gave away. */
        String clusterName;

        Stranger(QvdCluster cluster) throws Exception {
            Path modules = cluster.config().wildflyHome().resolve("modules/system/layers/base/org/jgroups/main");
            Path jar;
            try (Stream<Path> files = Files.list(modules)) {
                jar = files.filter(p -> p.getFileName().toString().matches("jgroups-\\d.*\\.jar"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no JGroups jar in " + modules));
            }
            jgroups = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            ipAddress = load("org.jgroups.stack.IpAddress");
            address = load("org.jgroups.Address");
            message = load("org.jgroups.Message");
            header = load("org.jgroups.protocols.FD_SOCK2$FdHeader");
            fdSock = load("org.jgroups.protocols.FD_SOCK2");
            id = (short) load("org.jgroups.conf.ClassConfigurator")
                    .getMethod("getProtocolId", Class.class)
                    .invoke(null, fdSock);
            me = load("org.jgroups.util.UUID").getMethod("randomUUID").invoke(null);
        }

        private Class<?> load(String name) throws ClassNotFoundException {
            return Class.forName(name, true, jgroups);
        }

        /** Sends CONNECT to the node's FD_SOCK2 port; returns the member address of its CONNECT_RSP. */
        Object connect(QvdCluster.Node node) throws Exception {
            BlockingQueue<byte[]> answers = new ArrayBlockingQueue<>(8);
            Object client = client(node, answers);
            Object connect = header.getConstructor(byte.class).newInstance(CONNECT);
            header.getMethod("cluster", String.class).invoke(connect, "stranger");
            send(client, connect);
            byte[] answer = answers.poll(30, TimeUnit.SECONDS);
            assertThat(answer).as("CONNECT_RSP from " + node).isNotNull();
            Object reply = load("org.jgroups.EmptyMessage").getConstructor().newInstance();
            message.getMethod("readFrom", java.io.DataInput.class)
                    .invoke(reply, new DataInputStream(new ByteArrayInputStream(answer)));
            Object got = message.getMethod("getHeader", short.class).invoke(reply, id);
            Field cluster = header.getDeclaredField("cluster");
            cluster.setAccessible(true);
            clusterName = (String) cluster.get(got);
            Field srv = header.getDeclaredField("srv");
            srv.setAccessible(true);
            return srv.get(got);
        }

        /** Sends SUSPECT of {@code member} to the node's FD_SOCK2 port. */
        void suspect(QvdCluster.Node node, Object member) throws Exception {
            Object client = client(node, new ArrayBlockingQueue<>(8));
            Object suspect = header.getConstructor(byte.class).newInstance(SUSPECT);
            header.getMethod("mbrs", java.util.Collection.class).invoke(suspect, List.of(member));
            send(client, suspect);
            Thread.sleep(500);
        }

        private Object client(QvdCluster.Node node, BlockingQueue<byte[]> answers) throws Exception {
            Object bind = ipAddress.getConstructor(String.class, int.class).newInstance("127.0.0.1", 0);
            Object server = ipAddress
                    .getConstructor(String.class, int.class)
                    .newInstance("127.0.0.1", FD_PORT + node.portOffset());
            Class<?> nioClient = load("org.jgroups.blocks.cs.NioClient");
            Object client = nioClient.getConstructor(ipAddress, ipAddress).newInstance(bind, server);
            Class<?> receiver = load("org.jgroups.blocks.cs.Receiver");
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                if (method.getName().equals("receive") && args.length == 4 && args[1] instanceof byte[] buf) {
                    answers.offer(java.util.Arrays.copyOfRange(buf, (int) args[2], (int) args[2] + (int) args[3]));
                    return null;
                }
                return method.getName().equals("toString") ? "stranger" : null;
            };
            nioClient
                    .getMethod("receiver", receiver)
                    .invoke(client, Proxy.newProxyInstance(jgroups, new Class<?>[] {receiver}, handler));
            // the handshake FD_SOCK2's own server expects (it runs with peer connections): cookie, version, address
            nioClient.getMethod("usePeerConnections", boolean.class).invoke(client, true);
            nioClient.getMethod("start").invoke(client);
            clients.add(() -> nioClient.getMethod("stop").invoke(client));
            return client;
        }

        private void send(Object client, Object fdHeader) throws Exception {
            Object msg = load("org.jgroups.EmptyMessage").getConstructor().newInstance();
            message.getMethod("setSrc", address).invoke(msg, me);
            message.getMethod("putHeader", short.class, load("org.jgroups.Header"))
                    .invoke(msg, id, fdHeader);
            Object buffer = fdSock.getMethod("messageToBuffer", message).invoke(null, msg);
            Class<?> byteArray = buffer.getClass();
            client.getClass()
                    .getMethod("send", byte[].class, int.class, int.class)
                    .invoke(
                            client,
                            byteArray.getMethod("array").invoke(buffer),
                            byteArray.getMethod("offset").invoke(buffer),
                            byteArray.getMethod("length").invoke(buffer));
        }

        @Override
        public void close() throws Exception {
            for (AutoCloseable c : clients) {
                c.close();
            }
            jgroups.close();
        }
    }
}

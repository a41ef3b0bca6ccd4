package org.qvd.l7r.session.entity;

/**
 * Where a started X session listens: the VM's address as the L7R node reaches it, the NX agent's port (4100 in
 * QVD) and the slave key given to the VMA ({@code qvd.slave.key}) that the client receives in
 * {@code X-QVD-Slave-Key}.
 */
public record VmEndpoint(String host, int nxPort, String slaveKey) {}

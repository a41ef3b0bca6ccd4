/**
 * The faults tier's platform: {@link org.qvd.fault.platform.FaultSystem} starts one system per test class, exactly
 * as {@code ./qvd run} does (embedded PostgreSQL, WildFly with qvd.ear, the local HKD on libvirt's test driver),
 * so a class may kill or stop any part of it; {@link org.qvd.fault.platform.Probe} reads what a load balancer and
 * an admin see (readiness, host and VM states); {@link org.qvd.fault.platform.Stopwatch} measures recovery.
 */
package org.qvd.fault.platform;

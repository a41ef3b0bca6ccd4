/** Faults of the WildFly node: its JVM killed, its L7R listener unable to bind. */
package org.qvd.fault.server;

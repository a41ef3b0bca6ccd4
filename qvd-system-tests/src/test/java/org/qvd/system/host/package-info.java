/** Hypervisor hosts as the VMAS sees them: a real HKD process joining over WildFly's Artemis, lost and back. */
package org.qvd.system.host;

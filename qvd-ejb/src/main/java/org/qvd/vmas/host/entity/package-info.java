/** Hypervisor hosts and their runtime state. */
package org.qvd.vmas.host.entity;

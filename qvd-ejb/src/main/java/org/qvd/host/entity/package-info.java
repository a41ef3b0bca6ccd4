/** Hypervisor hosts and their runtime state. */
package org.qvd.host.entity;

/** JMS commands and events about a hypervisor host (ARCHITECTURE §6). */
package org.qvd.protocol.host;

/** Host capacity probing and preparation of the libvirt pools and network. */
package org.qvd.hkd.host.control;

/** The guest tier's harness: the system with a local HKD on real libvirt, REST, virsh, X displays. */
package org.qvd.guest.platform;

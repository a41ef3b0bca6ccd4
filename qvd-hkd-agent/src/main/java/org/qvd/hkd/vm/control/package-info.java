/** libvirt gateway for VMs: domain XML, storage volumes, DHCP entries, the VMA client and per-VM locks. */
package org.qvd.hkd.vm.control;

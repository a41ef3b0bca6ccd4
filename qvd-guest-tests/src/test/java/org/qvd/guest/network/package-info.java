/** The VM network between real guests: isolation of VMs from each other, spoofing refused (issue 12). */
package org.qvd.guest.network;

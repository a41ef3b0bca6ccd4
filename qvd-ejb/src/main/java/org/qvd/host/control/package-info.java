/** Host decisions of the VMAS: placement of VMs, loss detection, reconciliation with what hosts report. */
package org.qvd.host.control;

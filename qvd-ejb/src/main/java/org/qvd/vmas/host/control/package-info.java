/** Host decisions of the VMAS: placement of VMs, loss detection, reconciliation with what hosts report. */
package org.qvd.vmas.host.control;

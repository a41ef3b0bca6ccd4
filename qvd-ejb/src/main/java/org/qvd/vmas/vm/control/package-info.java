/** VM logic without a boundary: IP allocation and the VM configuration keys. */
package org.qvd.vmas.vm.control;

/** WAT screens for VMs: the list with bulk actions, and one VM's detail with its runtime and history. */
package org.qvd.wat.vm.boundary;

/** VMs, their runtime state machine and state history. */
package org.qvd.vmas.vm.entity;

/** Handlers of the VM commands (one class per command). */
package org.qvd.hkd.vm.boundary;

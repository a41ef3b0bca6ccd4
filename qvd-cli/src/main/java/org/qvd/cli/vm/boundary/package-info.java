/** qvd-admin commands for the vm component. */
package org.qvd.cli.vm.boundary;

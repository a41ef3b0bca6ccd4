/** WAT screen for hypervisor hosts. */
package org.qvd.wat.host.boundary;

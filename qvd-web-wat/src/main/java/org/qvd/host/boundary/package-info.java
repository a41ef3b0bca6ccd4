/** WAT screen for hypervisor hosts. */
package org.qvd.host.boundary;

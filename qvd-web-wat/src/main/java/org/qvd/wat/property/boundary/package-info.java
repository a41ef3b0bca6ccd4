/** WAT screen for the properties of users, VMs, hosts, OSFs and DIs. */
package org.qvd.wat.property.boundary;

/** Property service: key/values on users, VMs, hosts, OSFs and DIs. */
package org.qvd.vmas.property.boundary;

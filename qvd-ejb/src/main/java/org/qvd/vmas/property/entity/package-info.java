/** Free key/value properties on users, VMs, hosts, OSFs and DIs. */
package org.qvd.vmas.property.entity;

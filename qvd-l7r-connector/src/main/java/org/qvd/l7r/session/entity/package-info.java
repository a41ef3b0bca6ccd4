/** Values exchanged between the L7R connector and the VMAS: users, VMs, endpoints, connection states. */
package org.qvd.l7r.session.entity;

/** Tenants' user directories (LDAP, Active Directory): directory logins and auto-provisioning of users and VMs. */
package org.qvd.vmas.directory;

/** WAT: tenants' user directories (LDAP / Active Directory): connect, test, see their users and refusals. */
package org.qvd.wat.directory.boundary;

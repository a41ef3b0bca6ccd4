/** A real LDAP directory for tests: UnboundID's in-memory directory server with LDAPS and StartTLS. */
package org.qvd.testsupport.directory;

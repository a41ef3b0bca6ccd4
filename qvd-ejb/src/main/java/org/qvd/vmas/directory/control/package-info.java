/** Talking LDAP (UnboundID LDAP SDK): lookups, binds, TLS trust, timeouts, and what a login is refused for. */
package org.qvd.vmas.directory.control;

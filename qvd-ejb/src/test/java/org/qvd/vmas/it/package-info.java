/** Arquillian integration tests of the VMAS services in a managed WildFly on a real PostgreSQL. */
package org.qvd.vmas.it;

/** Account services: tenants, administrators, users, roles/ACLs and user authentication. */
package org.qvd.vmas.account.boundary;

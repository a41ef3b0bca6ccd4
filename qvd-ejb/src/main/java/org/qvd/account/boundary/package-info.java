/** Account services: tenants, administrators, users, roles/ACLs and user authentication. */
package org.qvd.account.boundary;

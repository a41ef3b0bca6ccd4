/** REST: single sign-on role mappings (which identity provider claims make administrators of which tenant and role). */
package org.qvd.api.identity.boundary;

/** Host services (superadmin-only changes). */
package org.qvd.host.boundary;

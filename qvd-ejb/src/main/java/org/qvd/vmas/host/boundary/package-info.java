/** Host services (superadmin-only changes). */
package org.qvd.vmas.host.boundary;

/** Directory management for admins, and directory logins for the L7R's user authentication. */
package org.qvd.vmas.directory.boundary;

/** The X session: parameter validation, user and home provisioning, nxagent supervision. */
package org.qvd.vma.session.control;

/** The command line: options, the user's choices, the process exit code. */
package org.qvd.client.session.boundary;

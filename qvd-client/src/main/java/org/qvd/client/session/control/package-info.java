/** The QVD wire protocol to the L7R: requests, responses, the tunnel and the session loop. */
package org.qvd.client.session.control;

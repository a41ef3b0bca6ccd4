/** The L7R's network side: TLS listener, QVD wire protocol (HTTP/1.1 subset), connect exchange and tunnel. */
package org.qvd.l7r.session.boundary;

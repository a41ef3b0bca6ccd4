/** L7R protocol conformance against the deployed connector and the real VMAS, over raw TLS sockets. */
package org.qvd.system.l7r;

/** TLS trust: a CA file, or trust on first use pinned per server in known_servers. */
package org.qvd.client.trust.control;

/** Cross-cutting code of the L7R module: its configuration and TLS set-up. */
package org.qvd.l7r.platform;

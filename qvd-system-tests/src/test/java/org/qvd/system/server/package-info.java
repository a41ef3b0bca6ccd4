/** The server as the run command starts it: TLS, health, first-run secrets, data kept across restarts. */
package org.qvd.system.server;

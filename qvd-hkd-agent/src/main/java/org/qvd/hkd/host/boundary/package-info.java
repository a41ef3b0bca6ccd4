/** Host-level behaviour: registration, heartbeats and the StopHost handler. */
package org.qvd.hkd.host.boundary;

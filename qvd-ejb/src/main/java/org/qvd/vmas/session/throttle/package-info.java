/** The L7R's failed-login counters in the database, shared by every node of a cluster. */
package org.qvd.vmas.session.throttle;

/** JMS transport of the agent: broker link with reconnection, event publishing and command dispatch. */
package org.qvd.hkd.messaging;

/** Process wiring of the agent: entry point, daemon life cycle, logging and backoff. */
package org.qvd.hkd.platform;

/** Resolving configuration values: tenant, then global, then the typed default. */
package org.qvd.vmas.config.control;

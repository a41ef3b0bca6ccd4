/** WAT screen for configuration: per-tenant values beside the global ones. */
package org.qvd.wat.config.boundary;

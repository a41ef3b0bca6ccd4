/** Health, Prometheus metrics and read-only counters on the HTTPS port. */
package org.qvd.api.metrics.boundary;

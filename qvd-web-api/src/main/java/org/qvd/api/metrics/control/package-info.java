/** System gauges and counters registered in WildFly's Micrometer registry. */
package org.qvd.api.metrics.control;

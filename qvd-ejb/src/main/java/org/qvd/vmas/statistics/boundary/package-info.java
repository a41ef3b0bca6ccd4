/** Farm statistics in one call (dashboard, REST, CLI, metrics). */
package org.qvd.vmas.statistics.boundary;

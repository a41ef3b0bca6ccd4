/** The grouped count queries behind the statistics. */
package org.qvd.vmas.statistics.control;

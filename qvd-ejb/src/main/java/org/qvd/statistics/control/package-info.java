/** The grouped count queries behind the statistics. */
package org.qvd.statistics.control;

/** The farm's counts as values: what the statistics queries produce and the statistics call returns. */
package org.qvd.vmas.statistics.entity;

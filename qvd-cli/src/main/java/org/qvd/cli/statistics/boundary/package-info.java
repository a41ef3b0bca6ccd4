/** {@code qvd-admin stats}: the farm's statistics. */
package org.qvd.cli.statistics.boundary;

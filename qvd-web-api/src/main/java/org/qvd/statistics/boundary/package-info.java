/** The farm's statistics over REST. */
package org.qvd.statistics.boundary;

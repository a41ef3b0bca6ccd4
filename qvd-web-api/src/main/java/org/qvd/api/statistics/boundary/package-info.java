/** The farm's statistics over REST. */
package org.qvd.api.statistics.boundary;

/** The WAT's home screen: counts and charts of the farm, refreshed by polling. */
package org.qvd.wat.dashboard.boundary;

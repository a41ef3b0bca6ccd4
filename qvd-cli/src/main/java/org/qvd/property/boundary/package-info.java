/** qvd-admin commands for the property component. */
package org.qvd.property.boundary;

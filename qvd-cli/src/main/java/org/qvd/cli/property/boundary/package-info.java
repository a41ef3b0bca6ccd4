/** qvd-admin commands for the property component. */
package org.qvd.cli.property.boundary;

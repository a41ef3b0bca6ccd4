/** qvd-admin commands for the image component. */
package org.qvd.cli.image.boundary;

/** qvd-admin commands for the image component. */
package org.qvd.image.boundary;

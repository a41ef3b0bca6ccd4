/** qvd-admin commands for the config component. */
package org.qvd.cli.config.boundary;

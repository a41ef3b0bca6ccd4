/** The qvd-admin command line: settings, REST client, output, exit codes and the shared object verbs. */
package org.qvd.cli.platform;

/** The run command: embedded PostgreSQL, the provisioned WildFly with qvd.ear, first-run secrets and a clean stop. */
package org.qvd.launcher;

/** Starting the system under test once per test run, and talking to it as its users do. */
package org.qvd.system.platform;

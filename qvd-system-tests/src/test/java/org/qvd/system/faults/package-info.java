/** Faults tier (issue 13): a real component killed or starved while the system works, and what the admin sees. */
package org.qvd.system.faults;

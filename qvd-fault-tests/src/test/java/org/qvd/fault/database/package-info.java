/** Faults of the VMAS's PostgreSQL: an outage while hosts report and clients are served. */
package org.qvd.fault.database;

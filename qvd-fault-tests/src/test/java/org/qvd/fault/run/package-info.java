/** Faults of the run command itself: {@code ./qvd run} stopped with Ctrl-C or SIGTERM. */
package org.qvd.fault.run;

/** Benchmarks that need real guests (run by bench/ scripts, skipped in the normal test run). */
package org.qvd.guest.bench;

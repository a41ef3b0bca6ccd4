/** Accounting of client connections (tunnel open/close times, bytes each way), written by the L7R. */
package org.qvd.vmas.session.accounting;

/** The audit trail's vocabulary: what an audited call records (arguments with secrets masked, subject, event) and where it goes. */
package org.qvd.vmas.platform.audit;

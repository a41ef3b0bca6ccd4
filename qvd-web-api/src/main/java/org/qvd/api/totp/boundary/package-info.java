/** REST boundary of administrators' TOTP second factor (services in qvd-ejb's {@code org.qvd.vmas.totp}). */
package org.qvd.api.totp.boundary;
